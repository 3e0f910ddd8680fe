#!/usr/bin/env bash
# Installs everything Plotline needs on a Debian bookworm machine, idempotently.
# A second run only checks and takes a few seconds.
#
#   scripts/setup.sh            # everything: native + web toolchain, browser tests
#   PLOTLINE_CACHE=/path ...    # where third-party sources and the wasm SDL2 build live
#                               # (default: ${XDG_CACHE_HOME:-$HOME/.cache}/plotline)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"

log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3 dpkg-dev
  ccache                           # compiles once: clean clones and other build folders reuse them (CMakeLists.txt)
  clang libclang-rt-14-dev
  emscripten binaryen nodejs npm   # binaryen: wasm-split, which splits the web app in two (scripts/split-wasm.mjs)
  terser                           # minifies plotline.js (CMakeLists.txt)
  nlohmann-json3-dev doctest-dev zlib1g-dev libssl-dev
  fonts-dejavu-core python3-fonttools
  fonts-noto-core fonts-droid-fallback fonts-nanum   # fonts for names beyond Latin (scripts/make-fonts.py)
  chromium
  apache2 nginx-light curl
)

# --- apt packages -----------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# npm may be provided by a nodejs build that bundles it
if [ ${#missing[@]} -gt 0 ] && printf '%s\n' "${missing[@]}" | grep -qx npm && command -v npm >/dev/null; then
  missing=("${missing[@]/npm}"); missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing apt packages: ${missing[*]}"
  as_root apt-get update -qq
  # apache2 and nginx are test servers, started by the tests on their own ports: keep the packages
  # from starting system services (both on port 80) while they install.
  policy=/usr/sbin/policy-rc.d ours=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null && as_root chmod +x "$policy" && ours=1
    trap 'as_root rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [ -n "$ours" ]; then as_root rm -f "$policy"; trap - EXIT; fi
fi

# --- Emscripten version check -----------------------------------------------
want=$(tr -d ' \n' < "$here/emsdk-version.txt")
have=$(emcc --version 2>/dev/null | sed -n 's/.*) \([0-9][0-9.]*\).*/\1/p' | head -1 || true)
if [ "$have" != "$want" ]; then
  echo "Plotline needs Emscripten $want (emsdk-version.txt) but emcc reports '${have:-nothing}'." >&2
  echo "On Debian bookworm: apt-get install emscripten (3.1.6). With emsdk: emsdk install $want && emsdk activate $want, then source emsdk_env.sh." >&2
  exit 1
fi

# --- Debian source packages (imgui, libsdl2, pugixml) -----------------------------
src_list=/etc/apt/sources.list.d/debian-src.sources
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null \
   && ! grep -qs '^deb-src' /etc/apt/sources.list 2>/dev/null; then
  uri=$(awk '/^URIs:/ && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  uri=${uri:-http://deb.debian.org/debian}
  log "adding deb-src entry for $uri"
  as_root tee "$src_list" >/dev/null <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root apt-get update -qq
fi

mkdir -p "$PLOTLINE_CACHE/src"
fetch_source() { # package version dir
  local pkg=$1 ver=$2 dir=$3
  [ -f "$dir/.complete" ] && return 0
  log "fetching Debian source of $pkg ($ver)"
  rm -rf "$dir" "$PLOTLINE_CACHE/src/$pkg"; mkdir -p "$PLOTLINE_CACHE/src/$pkg"
  ( cd "$PLOTLINE_CACHE/src/$pkg" && apt-get source --download-only -qq "$pkg" >/dev/null \
    || { as_root apt-get update -qq && apt-get source --download-only -qq "$pkg" >/dev/null; } )
  local dsc; dsc=$(ls "$PLOTLINE_CACHE/src/$pkg"/*.dsc | head -1)
  dpkg-source --no-check -x "$dsc" "$dir" >/dev/null
  grep -q "$ver" <<<"$dsc" || { echo "expected $pkg $ver, Debian gave $(basename "$dsc")" >&2; exit 1; }
  touch "$dir/.complete"
}
fetch_source imgui "$IMGUI_VERSION" "$IMGUI_DIR"
fetch_source libsdl2 "$SDL2_VERSION" "$SDL2_SRC"
fetch_source pugixml "$PUGIXML_VERSION" "$PUGIXML_DIR"

# --- SDL2 built for wasm, once, keyed by version and subsystems -------------
# Only what the app uses: a window with a WebGL2 context, events and timers. Audio, joysticks,
# haptics, sensors, power, locale, the 2D renderer and the dummy/offscreen drivers are left out, and
# SDL_LEAN_AND_MEAN drops the software surface blitters (the app draws with GL): ~250 KB of wasm.
# Compiled as LTO bitcode at -Os so the app's link drops what it never calls.
if [ ! -f "$SDL2_WASM/.complete" ]; then
  log "building SDL2 $SDL2_VERSION for wasm into $SDL2_WASM (about 3 minutes, once)"
  rm -rf "$SDL2_WASM" "$PLOTLINE_CACHE/build-sdl2-$SDL2_VERSION"
  NODE_PATH=/usr/share/nodejs emcmake cmake -S "$SDL2_SRC" -B "$PLOTLINE_CACHE/build-sdl2-$SDL2_VERSION" -G Ninja \
    -DCMAKE_BUILD_TYPE=MinSizeRel -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DSDL_AUDIO=OFF -DSDL_RENDER=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF \
    -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF -DSDL_THREADS=OFF -DSDL_LOADSO=OFF \
    -DSDL_OFFSCREEN=OFF -DSDL_DUMMYVIDEO=OFF -DSDL_DISKAUDIO=OFF -DSDL_DUMMYAUDIO=OFF \
    "-DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1 -flto" \
    -DCMAKE_INSTALL_PREFIX="$SDL2_WASM" >"$PLOTLINE_CACHE/sdl2-configure.log" 2>&1 \
    || { tail -30 "$PLOTLINE_CACHE/sdl2-configure.log"; exit 1; }
  NODE_PATH=/usr/share/nodejs cmake --build "$PLOTLINE_CACHE/build-sdl2-$SDL2_VERSION" --target install >"$PLOTLINE_CACHE/sdl2-build.log" 2>&1 \
    || { tail -30 "$PLOTLINE_CACHE/sdl2-build.log"; exit 1; }
  rm -rf "$PLOTLINE_CACHE/build-sdl2-$SDL2_VERSION"
  touch "$SDL2_WASM/.complete"
fi

# --- browser test dependencies (npm, from the committed lock file) ----------
# playwright-core drives Chromium; ical.js (Mozilla's iCalendar parser) checks exported calendars;
# axe-core checks the page's accessibility;
# pouchdb-server is the CouchDB of the sync tests (in memory: its
# native leveldown ships prebuilt, and nothing needs an install script, so none runs: no compiling).
if [ ! -d "$here/tests/browser/node_modules/playwright-core" ] || [ ! -d "$here/tests/browser/node_modules/pouchdb-server" ] || \
   [ ! -d "$here/tests/browser/node_modules/ical.js" ] || [ ! -d "$here/tests/browser/node_modules/axe-core" ] || \
   [ "$here/tests/browser/package-lock.json" -nt "$here/tests/browser/node_modules/.package-lock.json" ]; then
  log "installing playwright-core, ical.js, axe-core and pouchdb-server from tests/browser/package-lock.json"
  ( cd "$here/tests/browser" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error )
fi

log "ready (cache: $PLOTLINE_CACHE)"
