#!/usr/bin/env bash
# Mutation check: plants each small bug of tests/mutation/mutants.txt in a copy of the sources, one at
# a time, rebuilds the native unit and CLI tests and runs them. A mutant the tests catch is "killed";
# one they pass with "SURVIVED" (a gap in the tests, or a change that cannot matter: say which in the
# list). Runs on demand, not in CI: about half a minute a mutant on two cores.
#   scripts/mutate.sh                 # every mutant
#   scripts/mutate.sh calendar csv    # only mutants whose line mentions one of these words
# Exit code: 0 when every mutant was killed, 1 when any survived, 2 when the list is stale.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
list="$here/tests/mutation/mutants.txt"
work="$here/build/mutate"
tree="$work/tree" bin="$work/build"
jobs=$(nproc 2>/dev/null || echo 2)

"$here/scripts/setup.sh" >/dev/null || exit 1
mkdir -p "$tree"
# A private copy: the working tree is never touched, even if this run is interrupted.
# Files whose content changed are copied with a new time, so the incremental build always sees them
# (copying times along would hide an edit made while an earlier run was building).
python3 - "$here" "$tree" <<'PY'
import filecmp, os, shutil, sys
here, tree = sys.argv[1:3]
for top in ("src", "tests", "assets", "bench", "CMakeLists.txt"):
    src = os.path.join(here, top)
    files = [src] if os.path.isfile(src) else [os.path.join(r, f) for r, _, fs in os.walk(src) for f in fs]
    wanted = set()
    for f in files:
        dst = os.path.join(tree, os.path.relpath(f, here))
        wanted.add(dst)
        if not os.path.exists(dst) or not filecmp.cmp(f, dst, shallow=False):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(f, dst)
    if os.path.isdir(src):
        for r, _, fs in os.walk(os.path.join(tree, top)):
            for f in fs:
                if os.path.join(r, f) not in wanted:
                    os.remove(os.path.join(r, f))
PY
# The copy is not a clone: tell its build where the interoperability samples are (CMakeLists.txt).
PLOTLINE_INTEROP=$(interop_dir "$here")
export PLOTLINE_INTEROP
[ -f "$bin/build.ninja" ] || cmake -S "$tree" -B "$bin" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null || exit 1

build() { cmake --build "$bin" -j "$jobs" --target unit_tests cli_tests >"$work/build.log" 2>&1; }
# 0: every test passed; 1: a test failed; 124: a test hung (killed after 5 minutes).
run_tests() {
  timeout 300 "$bin/unit_tests" --no-colors=true >"$work/test.log" 2>&1 || return $?
  timeout 300 "$bin/cli_tests" --no-colors=true >>"$work/test.log" 2>&1 || return $?
}

echo "building the unmutated copy and running its tests…"
build || { echo "the unmutated sources do not build: see $work/build.log"; exit 2; }
run_tests || { echo "the tests fail without any mutant: see $work/test.log"; exit 2; }

mapfile -t lines < <(grep -v '^\s*#' "$list" | grep -v '^\s*$')
filters=("$@")
total=0 killed=0 survived=0 stale=0
results=()
start=$(date +%s)
for line in "${lines[@]}"; do
  if [ ${#filters[@]} -gt 0 ]; then
    hit=0; for f in "${filters[@]}"; do [[ "$line" == *"$f"* ]] && hit=1; done
    [ $hit = 1 ] || continue
  fi
  IFS=$'\x1f' read -r file pattern replacement what < <(python3 -c '
import sys
parts = [p.strip() for p in sys.argv[1].split(" ;; ")]
print("\x1f".join(parts) if len(parts) == 4 else "")' "$line")
  total=$((total + 1))
  if [ -z "${what:-}" ]; then results+=("STALE     (not four fields) $line"); stale=$((stale + 1)); continue; fi
  target="$tree/$file"
  cp "$here/$file" "$target"
  if ! python3 - "$target" "$pattern" "$replacement" <<'PY'
import sys
path, pattern, replacement = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
if text.count(pattern) != 1:
    sys.exit(1)
open(path, "w", encoding="utf-8").write(text.replace(pattern, replacement))
PY
  then
    results+=("$(printf 'STALE     %-26s %s (the text is not in the file once)' "$file" "$what")"); stale=$((stale + 1)); continue
  fi
  if ! build; then
    verdict="killed (does not compile)"; killed=$((killed + 1))
  else
    run_tests; code=$?
    case $code in
      0) verdict="SURVIVED"; survived=$((survived + 1)) ;;
      124) verdict="killed (tests hung)"; killed=$((killed + 1)) ;;
      *) verdict="killed by $(grep -m1 -o 'TEST CASE: .*' "$work/test.log" | cut -c12-70)"; killed=$((killed + 1)) ;;
    esac
  fi
  cp "$here/$file" "$target"
  results+=("$(printf '%-9s %-26s %s' "${verdict%% *}" "$file" "$what")")
  printf '[%d] %-26s %-55s %s\n' "$total" "$file" "$what" "$verdict"
done
# Leave the copy unmutated for the next run's incremental build.
build >/dev/null 2>&1

echo
echo "== mutation table ($(( $(date +%s) - start )) s)"
printf '%s\n' "${results[@]}"
echo "killed $killed / $total, survived $survived, stale $stale"
[ $stale = 0 ] || exit 2
[ $survived = 0 ]
