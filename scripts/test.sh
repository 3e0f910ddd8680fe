#!/usr/bin/env bash
# Runs every test level and ends with one line "N passed, N failed" totalled over all levels.
# Fails when any level fails or runs nothing. Installs and builds what is needed first.
#   unit (native)   doctest over src/core
#   unit (wasm)     the same tests compiled to wasm, under node
#   cli             the plotline binary: commands, bad inputs, exit codes
#   ui              windowless ImGui frames over the sample and a 10k-task plan (ASan + UBSan)
#   fuzz            every reader of outside files under libFuzzer, ASan and UBSan, 5 s each (scripts/fuzz.sh)
#   browser         the real build in headless Chromium (node --test + playwright-core)
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"

"$here/scripts/setup.sh" || exit 1
"$here/scripts/build.sh" all || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

total_pass=0; total_fail=0; bad_levels=()
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

total_skip=0
# Adds a level's counts; a level that fails or runs nothing fails the run. A level that exits
# non-zero without reporting a failure (a crash after the summary, a runner error) counts as one
# failure, so the total never reads "0 failed" for a failing run. Skipped tests are counted apart.
record() { # name exit-code passed failed [skipped]
  local name=$1 code=$2 pass=${3:-0} fail=${4:-0} skip=${5:-0}
  if [ "$code" != 0 ] && [ "$fail" = 0 ]; then fail=1; fi
  if [ "$pass" = 0 ] && [ "$fail" = 0 ]; then fail=1; fi
  printf '%-16s %4d passed, %d failed%s%s\n' "$name" "$pass" "$fail" "$([ "$skip" = 0 ] || echo ", $skip skipped")" \
    "$([ "$code" = 0 ] || echo "  (exit $code)")"
  total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail)); total_skip=$((total_skip + skip))
  if [ "$code" != 0 ] || [ "$fail" != 0 ]; then bad_levels+=("$name"); fi
}

doctest_level() { # name command...
  local name=$1; shift
  echo "== $name"
  "$@" --no-colors=true >"$log/$name.out" 2>&1; local code=$?
  grep -v '^\[doctest\] \(doctest version\|run with\)' "$log/$name.out" | grep -E 'ERROR|CHECK|REQUIRE|TEST CASE|test cases|Status' | tail -40
  local line; line=$(grep 'test cases:' "$log/$name.out" | tail -1)
  local pass fail skip
  pass=$(sed -n 's/.*| *\([0-9]*\) passed.*/\1/p' <<<"$line"); fail=$(sed -n 's/.*| *\([0-9]*\) failed.*/\1/p' <<<"$line")
  skip=$(sed -n 's/.*| *\([0-9]*\) skipped.*/\1/p' <<<"$line")
  [ -n "$line" ] || { tail -30 "$log/$name.out"; fail=1; }
  record "$name" "$code" "${pass:-0}" "${fail:-0}" "${skip:-0}"
}

doctest_level unit "$here/build/native/unit_tests"
doctest_level unit-wasm node "$here/build/web/unit_tests_wasm.js"
doctest_level cli "$here/build/native/cli_tests"
doctest_level ui "$here/build/native/ui_smoke_tests"

echo "== fuzz"
"$here/scripts/fuzz.sh" 5 >"$log/fuzz.out" 2>&1; code=$?
cat "$log/fuzz.out"
record fuzz "$code" "$(grep -c '^fuzz .* ok$' "$log/fuzz.out")" "$(grep -c '^fuzz .*FAILED' "$log/fuzz.out")"

echo "== browser"
# One file at a time: two Chromiums at once on a small machine make input timing flaky.
code=0; : >"$log/browser.out"
for f in "$here"/tests/browser/*.test.mjs; do
  ( cd "$here/tests/browser" && node --test --test-reporter=tap "$f" ) >>"$log/browser.out" 2>&1 || code=$?
done
grep -E '^(not )?ok |^# (tests|pass|fail)|error:|expected|actual' "$log/browser.out" | grep -v '^    ' | head -60
[ "$code" = 0 ] || grep -A25 '^not ok' "$log/browser.out" | head -80
sum() { sed -n "s/^# $1 \([0-9]*\)/\1/p" "$log/browser.out" | awk '{s += $1} END {print s + 0}'; }
record browser "$code" "$(sum pass)" "$(sum fail)" "$(( $(sum skipped) + $(sum todo) ))"

[ ${#bad_levels[@]} = 0 ] || echo "failing levels: ${bad_levels[*]}"
[ "$total_skip" = 0 ] || echo "$total_skip skipped (see the levels above)"
echo "$total_pass passed, $total_fail failed"
[ ${#bad_levels[@]} = 0 ]
