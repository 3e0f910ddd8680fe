#!/usr/bin/env python3
"""Prints the raw and gzip size of every file a web build ships: python3 size-report.py DIST"""
import gzip
import os
import sys


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    rows, total_raw, total_gz = [], 0, 0
    for root, _, files in os.walk(dist):
        for name in sorted(files):
            path = os.path.join(root, name)
            data = open(path, "rb").read()
            gz = len(gzip.compress(data, compresslevel=9, mtime=0))
            rows.append((os.path.relpath(path, dist), len(data), gz))
            total_raw += len(data)
            total_gz += gz
    width = max([len(r[0]) for r in rows] + [5])
    print(f"{'file':<{width}}  {'raw':>10}  {'gzip':>10}")
    for name, raw, gz in sorted(rows):
        print(f"{name:<{width}}  {raw:>10,}  {gz:>10,}")
    print(f"{'total':<{width}}  {total_raw:>10,}  {total_gz:>10,}")


if __name__ == "__main__":
    main()
