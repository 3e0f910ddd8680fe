#!/usr/bin/env bash
# Builds Plotline: native (CLI, tests) and/or web (the app in build/web/dist, wasm unit tests).
#   scripts/build.sh native|web|all
# Expects scripts/setup.sh to have run. Incremental: a second run rebuilds only what changed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
what=${1:-all}
jobs=$(nproc 2>/dev/null || echo 2)

if [ "$what" = native ] || [ "$what" = all ]; then
  [ -f "$here/build/native/build.ninja" ] || cmake -S "$here" -B "$here/build/native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$here/build/native" -j "$jobs"
fi
if [ "$what" = web ] || [ "$what" = all ]; then
  [ -f "$here/build/web/build.ninja" ] || emcmake cmake -S "$here" -B "$here/build/web" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$here/build/web" -j "$jobs"
fi
