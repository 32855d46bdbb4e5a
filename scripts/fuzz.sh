#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, into build-fuzz/) and runs each
# for SECONDS (default 10) on its seed corpus and kept regressions. New
# interesting inputs go to build-fuzz/corpus/<target>/ (kept between runs,
# never into the repository); a crashing input is saved under
# build-fuzz/artifacts/<target>/ — copy it to fuzz/regressions/<target>/ so
# that unit_tests replays it from then on. Ends with "fuzz: N passed, M failed".
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}; shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(personal_number date json_decoders form ledger_csv)

CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -g1" \
  -DCMAKE_CXX_COMPILER=clang++-14 -DSTEGVIS_FUZZ=ON >/dev/null || { echo "fuzz: 0 passed, 1 failed"; exit 1; }
ninja -C build-fuzz fuzzers >/dev/null || { ninja -C build-fuzz fuzzers | tail -20; echo "fuzz: 0 passed, 1 failed"; exit 1; }

passed=0; failed=0
for t in "${TARGETS[@]}"; do
  work=build-fuzz/corpus/$t; art=build-fuzz/artifacts/$t; log=build-fuzz/$t.log
  mkdir -p "$work" "$art" "fuzz/regressions/$t"
  dict=(); [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  # One process, no forking: -timeout catches hangs, -rss_limit_mb runaway memory.
  build-fuzz/fuzz/fuzz_"$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$art/" "${dict[@]}" "$work" "fuzz/corpus/$t" "fuzz/regressions/$t" >"$log" 2>&1
  rc=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
  if [ $rc -eq 0 ]; then
    echo "fuzz $t: ok ($runs runs in ${SECONDS_EACH} s)"; passed=$((passed + 1))
  else
    echo "fuzz $t: FAILED (exit $rc); input kept in $art/:"; ls "$art"; grep -E 'ERROR|invariant|SUMMARY' "$log" | head -10
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
