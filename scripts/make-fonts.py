#!/usr/bin/env python3
"""Cuts the fallback fonts listed in src/app/fonts.cpp (its table between "fallback fonts: begin"
and "end") from their Debian packages: each source font is subset to its characters (no layout
tables, no hinting: Dear ImGui draws outlines only) and written as OUTDIR/<file>, with its size
printed. Skips a file already newer than its source and the table (idempotent and fast).

    make-fonts.py src/app/fonts.cpp OUTDIR
"""
import os
import re
import subprocess
import sys


ROW = re.compile(r'\{"([^"]+)", N_\("([^"]+)"\), "([^"]*)", "([^"]+)", "([^"]+)",\s*"([^"]+)"\}')


def rows(table):
    text = open(table, encoding="utf-8").read()
    begin, end = text.find("// fallback fonts: begin"), text.find("// fallback fonts: end")
    if begin < 0 or end < begin:
        sys.exit(f"{table}: no table between '// fallback fonts: begin' and '// fallback fonts: end'")
    found = ROW.findall(text[begin:end])
    if not found:
        sys.exit(f"{table}: the fallback fonts' table has no rows this script can read")
    return found


def main():
    table, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    missing = sorted({pkg for _, _, _, pkg, src, _ in rows(table) if not os.path.exists(src)})
    if missing:
        sys.exit("fallback fonts: install the Debian packages " + " ".join(missing) + " (scripts/setup.sh does)")
    for name, what, _, pkg, src, chars in rows(table):
        dest = os.path.join(out, name)
        newest = max(os.path.getmtime(src), os.path.getmtime(table), os.path.getmtime(__file__))
        if os.path.exists(dest) and os.path.getmtime(dest) >= newest:
            continue
        unicodes = ",".join("U+" + r for r in chars.split())
        # Debian's python3-fonttools, through /usr/bin/python3 (a pyenv python on PATH lacks it).
        subprocess.run(["/usr/bin/python3", "-m", "fontTools.subset", src, "--output-file=" + dest + ".part",
                        "--unicodes=" + unicodes, "--layout-features=", "--no-hinting", "--desubroutinize",
                        "--name-IDs=*", "--name-languages=*", "--notdef-outline", "--drop-tables+=FFTM"], check=True)
        os.replace(dest + ".part", dest)
        print(f"fallback font {name}: {os.path.getsize(dest):,} bytes ({what}, from {pkg})")


if __name__ == "__main__":
    main()
