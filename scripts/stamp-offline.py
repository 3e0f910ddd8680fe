#!/usr/bin/env python3
"""Stamps a built app folder for offline use: names the build after its files' contents, writes
the build id into index.html (<meta name="plotline-build">) and writes sw.js from its template with
the build id and every app-shell file with its SHA-256 (the language catalogues i18n/*.cat among
them), and the files fetched only when the app needs them (fonts/*.ttf: cached on first use, kept
across builds while unchanged). Run again after any file changes (idempotent).

    stamp-offline.py DIST SW_TEMPLATE
"""
import hashlib
import json
import os
import re
import sys

SHELL = ["index.html", "plotline.js", "plotline.wasm", "plotline.deferred.wasm", "plotline.data", "favicon.svg", "manifest.webmanifest",
         "icons/icon-192.png", "icons/icon-512.png", "icons/maskable-512.png"]
META = re.compile(r'<meta name="plotline-build" content="[^"]*">')


def digest(data):
    return hashlib.sha256(data).hexdigest()


def main():
    dist, template = sys.argv[1], sys.argv[2]
    read = lambda name: open(os.path.join(dist, name), "rb").read()
    index = read("index.html").decode()
    if not META.search(index):
        sys.exit("index.html has no <meta name=\"plotline-build\"> to stamp")
    unstamped = META.sub('<meta name="plotline-build" content="">', index)
    # The build id covers every file (index.html without its own stamp).
    fonts = os.path.join(dist, "fonts")
    lazy_names = sorted("fonts/" + n for n in os.listdir(fonts) if n.endswith(".ttf")) if os.path.isdir(fonts) else []
    # The catalogues (i18n/<code>.cat): fetched for a language other than English, kept for offline
    # use with the shell.
    i18n = os.path.join(dist, "i18n")
    catalogues = sorted("i18n/" + n for n in os.listdir(i18n) if n.endswith(".cat")) if os.path.isdir(i18n) else []
    parts = [digest(unstamped.encode())] + [digest(read(name)) for name in SHELL[1:] + catalogues + lazy_names]
    build = digest("".join(parts).encode())[:16]
    index = META.sub(f'<meta name="plotline-build" content="{build}">', index)
    with open(os.path.join(dist, "index.html"), "w") as f:
        f.write(index)
    files = [{"path": name, "sha256": digest(read(name))} for name in SHELL + catalogues]
    lazy = [{"path": name, "sha256": digest(read(name))} for name in lazy_names]
    sw = open(template).read().replace("'__PLOTLINE_BUILD__'", json.dumps(build)).replace(
        "__PLOTLINE_FILES__", json.dumps(files, indent=2)).replace("__PLOTLINE_LAZY__", json.dumps(lazy, indent=2))
    with open(os.path.join(dist, "sw.js"), "w") as f:
        f.write(sw)
    print(f"offline build {build}: {len(files)} files, {len(lazy)} fetched when needed")


if __name__ == "__main__":
    main()
