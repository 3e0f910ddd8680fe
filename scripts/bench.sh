#!/usr/bin/env bash
# Builds Plotline and prints every benchmark in one table next to its target (bench/report.mjs).
#   scripts/bench.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh" >/dev/null
"$here/scripts/build.sh" all >/dev/null
source "$here/scripts/env.sh"
# The peer the side-by-side benchmark runs (benchmark-only, never shipped): installed once.
[ -f "$here/bench/node_modules/dhtmlx-gantt/package.json" ] || npm ci --prefix "$here/bench" --no-audit --no-fund >/dev/null
exec node "$here/bench/report.mjs"
