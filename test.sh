#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit, storage and API
# tests on SQLite and on a real PostgreSQL 15 server started here, and browser
# tests in headless Chromium. Ends with one line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
T0=$(date +%s)
PASSED=0; FAILED=0; PROBLEMS=()
stage() { echo; echo "== $1 ($(( $(date +%s) - T0 )) s so far)"; }

# Adds a gtest run's counts; an exit code without a count is a failure of its own.
gtest_run() {
  local name=$1; shift
  local log; log=$(mktemp)
  "$@" --gtest_brief=1 >"$log" 2>&1; local rc=$?
  local p f
  p=$(grep -oE '^\[  PASSED  \] [0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  f=$(grep -oE '^\[  FAILED  \] [0-9]+ test' "$log" | grep -oE '[0-9]+' || echo 0)
  grep -E '^\[  FAILED  \]|Failure|error' "$log" | head -40
  if [ "$rc" -ne 0 ] && [ "$f" = 0 ]; then f=1; tail -20 "$log"; fi
  echo "$name: $p passed, $f failed"
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  [ "$f" = 0 ] || PROBLEMS+=("$name")
  rm -f "$log"
}

stage "install"
STEGVIS_WITH_TEST_TOOLS=1 scripts/install-deps.sh || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }

stage "build"
WERROR=OFF; [ "${CI:-}" = true ] && WERROR=ON
scripts/build.sh -DSTEGVIS_WERROR=$WERROR || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

stage "unit tests"
gtest_run unit build/tests/unit_tests

stage "storage tests on SQLite"
gtest_run store-sqlite build/tests/store_tests --gtest_filter='*Sqlite*'

stage "API tests on SQLite"
gtest_run api-sqlite build/tests/api_tests

stage "unit and API tests under AddressSanitizer + UBSan (SQLite)"
# Its own build dir: -O1 -g1 keeps it lean; only the targets the tests need. Every
# sanitized process (the tests, and the server and CLI they start) writes any
# report to $SANDIR, so a report in the server also fails the run. Warnings are
# the normal build's business: gcc with ASan warns falsely (maybe-uninitialized in <regex>).
SANDIR=$(mktemp -d /tmp/stegvis-asan.XXXXXX)
if BUILD_DIR=build-asan BUILD_TYPE=None BUILD_TARGETS="unit_tests api_tests stegvis" scripts/build.sh \
     -DSTEGVIS_SANITIZE=ON -DSTEGVIS_WERROR=OFF "-DCMAKE_CXX_FLAGS=-O1 -g1"; then
  export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:log_path=$SANDIR/asan"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$SANDIR/ubsan"
  export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
  gtest_run unit-asan build-asan/tests/unit_tests
  gtest_run api-sqlite-asan build-asan/tests/api_tests
  unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
  reports=$(find "$SANDIR" -type f | wc -l)
  if [ "$reports" -gt 0 ]; then
    echo "sanitizer reports: $reports"; head -60 "$SANDIR"/*
    FAILED=$((FAILED + reports)); PROBLEMS+=("sanitizers")
  fi
else
  echo "sanitizer build failed"; FAILED=$((FAILED + 1)); PROBLEMS+=("sanitizer-build")
fi
rm -rf "$SANDIR"

stage "fuzzing (libFuzzer, 10 s per target)"
FLOG=$(mktemp)
scripts/fuzz.sh 10 >"$FLOG" 2>&1
cat "$FLOG" | grep -E '^fuzz|ERROR|invariant|SUMMARY' | head -40
fp=$(grep -E '^fuzz: ' "$FLOG" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
ff=$(grep -E '^fuzz: ' "$FLOG" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 1)
PASSED=$((PASSED + fp)); FAILED=$((FAILED + ff))
[ "$ff" = 0 ] || PROBLEMS+=("fuzz")
rm -f "$FLOG"

stage "PostgreSQL 15"
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=$(mktemp -d /tmp/stegvis-pg.XXXXXX)
PGPORT=${STEGVIS_TEST_PG_PORT:-55432}
install -d -o postgres -g postgres -m 700 "$PGDIR"
pg_stop() { runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGDIR"; }
if runuser -u postgres -- $PGBIN/initdb -D "$PGDIR/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
     -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 &&
   runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDIR/data" -l "$PGDIR/log" -w \
     -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDIR -c fsync=off" start >/dev/null; then
  trap pg_stop EXIT
  runuser -u postgres -- psql -h "$PGDIR" -p "$PGPORT" -q -c "CREATE ROLE stegvis LOGIN CREATEDB PASSWORD 'stegvis-test'" \
    -c "CREATE DATABASE stegvis_admin OWNER stegvis" -c "CREATE DATABASE stegvis_api OWNER stegvis"
  PGURL="postgresql://stegvis:stegvis-test@127.0.0.1:$PGPORT"
  stage "storage tests on PostgreSQL"
  STEGVIS_TEST_PG="$PGURL/stegvis_admin" STEGVIS_TEST_PG_REQUIRED=1 \
    gtest_run store-postgresql build/tests/store_tests --gtest_filter='*Postgres*'
  stage "API tests on PostgreSQL"
  STEGVIS_API_DB="$PGURL/stegvis_api" gtest_run api-postgresql build/tests/api_tests
else
  echo "PostgreSQL could not start:"; cat "$PGDIR"/*.log 2>/dev/null | tail -20
  FAILED=$((FAILED + 1)); PROBLEMS+=("postgresql-start")
fi

stage "benchmark smoke test (bench/run.sh --scale 0.01; timings are not judged)"
BENCH_PG=""
if [ -n "${PGURL:-}" ] && runuser -u postgres -- psql -h "$PGDIR" -p "$PGPORT" -q \
     -c "CREATE DATABASE stegvis_bench OWNER stegvis" >/dev/null 2>&1; then
  BENCH_PG="$PGURL/stegvis_bench"
fi
BENCH_LOG=$(mktemp)
if STEGVIS_BENCH_PG="$BENCH_PG" bench/run.sh --scale 0.01 --duration 3 >"$BENCH_LOG" 2>&1; then
  sed -n '/^Stegvis benchmark/,$p' "$BENCH_LOG"
  echo "bench: 1 passed, 0 failed"; PASSED=$((PASSED + 1))
else
  tail -30 "$BENCH_LOG"
  echo "bench: 0 passed, 1 failed"; FAILED=$((FAILED + 1)); PROBLEMS+=("bench")
fi
rm -f "$BENCH_LOG"

stage "browser tests (Chromium)"
BLOG=$(mktemp)
node --test --test-reporter=tap tests/browser/ >"$BLOG" 2>&1
brc=$?
bp=$(grep -E '^# pass ' "$BLOG" | grep -oE '[0-9]+' || echo 0)
bf=$(grep -E '^# fail ' "$BLOG" | grep -oE '[0-9]+' || echo 0)
grep -E '^not ok|^# (pass|fail)|Error' "$BLOG" | head -30
if [ "$brc" -ne 0 ] && [ "$bf" = 0 ]; then bf=1; tail -30 "$BLOG"; fi
echo "browser: $bp passed, $bf failed"
PASSED=$((PASSED + bp)); FAILED=$((FAILED + bf))
[ "$bf" = 0 ] || PROBLEMS+=("browser")
rm -f "$BLOG"

echo
echo "== done in $(( $(date +%s) - T0 )) s${PROBLEMS[*]:+; failing: ${PROBLEMS[*]}}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
