#!/usr/bin/env bash
# Fuzzes every reader of outside bytes with libFuzzer under AddressSanitizer and UBSan: Plotline JSON,
# CSV task tables, CSV actuals, Microsoft Project XML, GanttProject files and the library's stored form.
# Seeds come from the project's own files and ../shared/interop; each accepted input must also
# schedule, write and read back (tests/fuzz/fuzz_targets.cpp).
#   scripts/fuzz.sh                 # 60 seconds per target
#   scripts/fuzz.sh 600 mspdi gan   # 10 minutes each for these two
# Prints one line per target ("fuzz mspdi  812345 runs  13540/s  ok"); an input that crashes, hangs
# (over 10 s), leaks or needs over 2.5 GB is kept in build/fuzz/crashes/<target>/ and the script exits 1.
# The corpus grows in build/fuzz/corpus/<target>/ from run to run.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json csv actuals mspdi gan stored)
jobs=$(nproc 2>/dev/null || echo 2)
bin="$here/build/fuzz"

"$here/scripts/setup.sh" >/dev/null || exit 1
mkdir -p "$bin"
if [ ! -f "$bin/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$here" -B "$bin" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLOTLINE_FUZZ=ON >"$bin/configure.log" 2>&1 \
    || { tail -20 "$bin/configure.log"; exit 1; }
fi
cmake --build "$bin" -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}") fuzz_seed_stored >"$bin/build.log" 2>&1 \
  || { grep -E "error|FAILED" "$bin/build.log" | head -20; exit 1; }

interop=$(interop_dir "$here")

# Seeds: copied into each target's corpus once (the corpus keeps what the fuzzer finds besides).
seed() { # target files…
  local dir="$bin/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/seed-$(basename "$f")"; done
}
mkdir -p "$bin/seeds"
printf 'ID,Name,Duration,Start,Predecessors,Outline Level,Resource Names,%% Complete,Milestone,Notes\n1,Launch,,,,1,,,,\n2,"Brief, v2",2d,2026-03-02,,2,Ana[50%%],10,,"a ""quoted"" note"\n3,Build,5d,,2FS+1d,2,Ben;Ana,,,\n4,Go live,0d,,3SS-2d;2FF,2,,,yes,\n' >"$bin/seeds/tasks.csv"
printf 'Name;Duration;Predecessors\nA;4h;\nB;1w;1\n' >"$bin/seeds/semicolons.csv"
printf 'Date,Hours,Resource,Amount,Category,Task,Vendor,Note\n2026-01-06,7.5,Ana,,,Design,,review\n2026-01-07,,,"1,250.00",vendor,Design,Print shop,proofs\n' >"$bin/seeds/actuals.csv"
"$bin/fuzz_seed_stored" "$bin/seeds" "$here/assets/sample-campaign.json" "$here"/tests/fixtures/schema-*.json 2>/dev/null
seed json "$here/assets/sample-campaign.json" "$here"/tests/fixtures/*.json
seed csv "$bin/seeds/tasks.csv" "$bin/seeds/semicolons.csv"
seed actuals "$bin/seeds/actuals.csv"
seed mspdi "$here/tests/fixtures/mspdi-constructs.xml" ${interop:+"$interop"/*.xml}
seed gan ${interop:+"$interop"/*.gan}
seed stored "$bin"/seeds/stored-*.bin "$here/assets/sample-campaign.json"

failed=0
for t in "${targets[@]}"; do
  mkdir -p "$bin/crashes/$t" "$bin/corpus/$t"
  dict=()
  [ -f "$here/tests/fuzz/$t.dict" ] && dict=(-dict="$here/tests/fuzz/$t.dict")
  "$bin/fuzz_$t" "$bin/corpus/$t" "${dict[@]}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2560 -malloc_limit_mb=2560 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="$bin/crashes/$t/" >"$bin/$t.log" 2>&1
  code=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$bin/$t.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$bin/$t.log" | tail -1)
  if [ "$code" = 0 ]; then
    printf 'fuzz %-8s %10s runs %7s/s  ok\n' "$t" "${runs:-0}" "${rate:-0}"
  else
    failed=1
    printf 'fuzz %-8s %10s runs %7s/s  FAILED (exit %s): see %s\n' "$t" "${runs:-?}" "${rate:-?}" "$code" "$bin/$t.log"
    grep -E "ERROR: |SUMMARY: |property broken|Test unit written" "$bin/$t.log" | head -6
  fi
done
exit $failed
