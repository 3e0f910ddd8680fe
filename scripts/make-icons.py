#!/usr/bin/env python3
"""Draws Plotline's app icons (the favicon's design: a dark tile, two bars, a milestone diamond) as
PNG files for the web app manifest, with nothing but the standard library.

    make-icons.py OUT_DIR            -> OUT_DIR/icon-192.png, OUT_DIR/icon-512.png, OUT_DIR/maskable-512.png
"""
import math
import os
import struct
import sys
import zlib

TILE = (0x2F, 0x3B, 0x4C)
BAR = (0x5B, 0x8D, 0xEF)
MILESTONE = (0xD9, 0x82, 0x2B)


def rounded_box(px, py, x, y, w, h, r):
    """Signed distance (in units of the 32-unit design) from a point to a rounded rectangle."""
    cx, cy = x + w / 2, y + h / 2
    qx, qy = abs(px - cx) - (w / 2 - r), abs(py - cy) - (h / 2 - r)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - r


def diamond(px, py, cx, cy, r):
    return (abs(px - cx) + abs(py - cy) - r) / math.sqrt(2)


def draw(size, maskable):
    unit = size / 32.0
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter: none
        for i in range(size):
            px, py = (i + 0.5) / unit, (j + 0.5) / unit
            if maskable:  # full-bleed tile; the artwork shrunk into the safe zone (80 %)
                px, py = 16 + (px - 16) / 0.8, 16 + (py - 16) / 0.8
                tile = -1.0
            else:
                tile = rounded_box(px, py, 0, 0, 32, 32, 6)
            color, alpha = list(TILE), min(max(0.5 - tile * unit, 0.0), 1.0)
            for shape, fill in ((rounded_box(px, py, 5, 8, 14, 4, 2), BAR), (rounded_box(px, py, 11, 14, 14, 4, 2), BAR),
                                (diamond(px, py, 23, 25, 4), MILESTONE)):
                cover = min(max(0.5 - shape * (size / 32.0 if not maskable else size / 40.0), 0.0), 1.0)
                color = [round(c * (1 - cover) + f * cover) for c, f in zip(color, fill)]
            row += bytes(color) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, size, maskable in (("icon-192.png", 192, False), ("icon-512.png", 512, False), ("maskable-512.png", 512, True)):
        with open(os.path.join(out, name), "wb") as f:
            f.write(draw(size, maskable))


if __name__ == "__main__":
    main()
