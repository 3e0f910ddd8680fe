#!/usr/bin/env python3
"""Prints the raw and gzip size of every file a web build ships: python3 size-report.py DIST
The first load is every file but fonts/ (the fallback fonts, fetched only when a name needs one)."""
import gzip
import os
import sys


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    rows = []
    for root, _, files in os.walk(dist):
        for name in sorted(files):
            path = os.path.join(root, name)
            data = open(path, "rb").read()
            gz = len(gzip.compress(data, compresslevel=9, mtime=0))
            rows.append((os.path.relpath(path, dist), len(data), gz))
    width = max([len(r[0]) for r in rows] + [30])
    print(f"{'file':<{width}}  {'raw':>10}  {'gzip':>10}")
    for name, raw, gz in sorted(rows):
        print(f"{name:<{width}}  {raw:>10,}  {gz:>10,}")
    later = [r for r in rows if r[0].startswith("fonts" + os.sep)]
    first = [r for r in rows if r not in later]
    for label, group in (("first load", first), ("fallback fonts, when needed", later)):
        print(f"{label:<{width}}  {sum(r[1] for r in group):>10,}  {sum(r[2] for r in group):>10,}")


if __name__ == "__main__":
    main()
