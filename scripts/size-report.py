#!/usr/bin/env python3
"""Prints the raw and gzip size of every file a web build ships: python3 size-report.py DIST
Then the groups:
- first load: what a first visit fetches before the plan is on screen: the page, the program's first
  part and its data, the icon and the manifest (tests/browser/download.test.mjs checks the page's list);
- after the first frame: the rest of the program (plotline.deferred.wasm), the service worker and
  the icons it keeps; the whole app is both;
- a language's texts: a first load in German, French or Spanish adds that file (i18n/);
- the fallback fonts, fetched only when a name needs one (fonts/)."""
import gzip
import os
import sys

FIRST_LOAD = {"index.html", "plotline.js", "plotline.wasm", "plotline.data", "favicon.svg", "manifest.webmanifest"}


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
    fonts = [r for r in rows if r[0].startswith("fonts" + os.sep)]
    catalogues = [r for r in rows if r[0].startswith("i18n" + os.sep)]
    first = [r for r in rows if r[0] in FIRST_LOAD]
    later = [r for r in rows if r not in first and r not in fonts and r not in catalogues]
    # A first load in German, French or Spanish adds that language's file: the largest is shown.
    largest = [max(catalogues, key=lambda r: r[2])] if catalogues else []
    for label, group in (("first load", first), ("after the first frame", later), ("the whole app", first + later),
                         ("a language's texts (largest)", largest),
                         ("fallback fonts, when needed", fonts)):
        print(f"{label:<{width}}  {sum(r[1] for r in group):>10,}  {sum(r[2] for r in group):>10,}")


if __name__ == "__main__":
    main()
