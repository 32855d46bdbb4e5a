#!/usr/bin/env bash
# The national-scale benchmark (issue #5), end to end:
#   1. generate the data set into SQLite and into PostgreSQL (stegvis bench-data), with the load rate;
#   2. the year period report through ReportService and as hand-written SQL, on both (stegvis_report_bench);
#   2b. a programme-catalogue search over 10 000 generated programmes, on both (stegvis_catalogue_bench, #9);
#   3. the API under load on the SQLite set: wrk with bench/load.lua (64 connections, many coaches)
#      against the same server's GET /api/v1/health, and the server's peak RSS; then the cheapest
#      audited read alone (one enrolment's ratings), the ceiling of the mix/health ratio;
#   4. questionnaires (issue #9, fixed size, skipped at smoke scales below 0.1): 1 000 concurrent
#      anonymous answers on loopback and the results of a 100 000-response round, on both
#      (stegvis_questionnaire_bench, in empty databases);
# then prints one table. Fails only when a step fails, never on a timing.
#
# Usage: bench/run.sh [--scale F] [--seed N] [--duration SECONDS] [--keep]
#   STEGVIS_BENCH_PG=postgresql://user:pw@host:port/db  an empty scratch database to use (its public
#                    schema is dropped and recreated); without it a private PostgreSQL 15 is started
#                    (as test.sh does; needs root and the postgres user).
#   STEGVIS_BENCH_SQLITE_SYNC=full|normal  the server's SQLite sync mode under load (default normal:
#                    WAL without an fsync per commit; see README "Performance").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCALE=1.0; SEED=1; DURATION=30; KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "usage: bench/run.sh [--scale F] [--seed N] [--duration SECONDS] [--keep]" >&2; exit 2 ;;
  esac
done
SYNC=${STEGVIS_BENCH_SQLITE_SYNC:-normal}
BUILD=${BUILD_DIR:-build}
[ -d "$BUILD" ] || scripts/build.sh
ninja -C "$BUILD" stegvis stegvis_report_bench stegvis_catalogue_bench stegvis_questionnaire_bench >/dev/null
STEGVIS=$ROOT/$BUILD/stegvis
REPORT_BENCH=$ROOT/$BUILD/bench/stegvis_report_bench
CATALOGUE_BENCH=$ROOT/$BUILD/bench/stegvis_catalogue_bench
command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/stegvis-bench.XXXXXX)
SERVER_PID=""; PGDIR=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  if [ -n "$PGDIR" ]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$PGDIR"
  fi
  if [ "$KEEP" = 1 ]; then echo "bench: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
step() { echo "== $1 ($(date -u +%H:%M:%S))"; }

# ---- PostgreSQL: the given scratch database, or a private server ----
if [ -n "${STEGVIS_BENCH_PG:-}" ]; then
  PG_URL=$STEGVIS_BENCH_PG
  psql "$PG_URL" -qX -c "DROP SCHEMA IF EXISTS public CASCADE" -c "CREATE SCHEMA public" 2>&1 | grep -v NOTICE || true
else
  PGBIN=/usr/lib/postgresql/15/bin
  PGDIR=$(mktemp -d /tmp/stegvis-bench-pg.XXXXXX)
  PGPORT=${STEGVIS_BENCH_PG_PORT:-55439}
  install -d -o postgres -g postgres -m 700 "$PGDIR"
  runuser -u postgres -- $PGBIN/initdb -D "$PGDIR/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1
  runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDIR -c shared_buffers=512MB -c work_mem=64MB" \
    start >/dev/null
  runuser -u postgres -- psql -h "$PGDIR" -p "$PGPORT" -q -c "CREATE ROLE stegvis LOGIN PASSWORD 'stegvis-bench'" \
    -c "CREATE DATABASE stegvis_bench OWNER stegvis"
  PG_URL="postgresql://stegvis:stegvis-bench@127.0.0.1:$PGPORT/stegvis_bench"
fi

# ---- 1. data ----
load() {  # backend url log
  "$STEGVIS" bench-data --db "$2" --key-file "$WORK/key" --scale "$SCALE" --seed "$SEED" \
    --tokens-out "$WORK/tokens-$1.txt" | tee "$WORK/load-$1.log" | sed 's/^/   /'
}
step "generating scale $SCALE into SQLite"
load sqlite "sqlite:$WORK/bench.db"
step "generating scale $SCALE into PostgreSQL"
load postgresql "$PG_URL"
rows_of() { grep -oE '^loaded [0-9]+' "$WORK/load-$1.log" | grep -oE '[0-9]+'; }
rate_of() { grep -oE '[0-9]+ rows/s' "$WORK/load-$1.log" | grep -oE '^[0-9]+'; }
secs_of() { grep -oE '^loaded [0-9]+ rows in [0-9.]+' "$WORK/load-$1.log" | grep -oE '[0-9.]+$'; }
purge_of() { grep -oE '^purged the backlog in [0-9.]+' "$WORK/load-$1.log" | grep -oE '[0-9.]+$'; }
cmp -s "$WORK/tokens-sqlite.txt" "$WORK/tokens-postgresql.txt" || { echo "bench: the two data sets differ" >&2; exit 1; }

# ---- 2. report ----
step "year period report on SQLite"
"$REPORT_BENCH" --db "sqlite:$WORK/bench.db" --key-file "$WORK/key" | tee "$WORK/report-sqlite.log" | sed 's/^/   /'
step "year period report on PostgreSQL"
"$REPORT_BENCH" --db "$PG_URL" --key-file "$WORK/key" | tee "$WORK/report-postgresql.log" | sed 's/^/   /'
report_field() { grep -oE "^result: .*" "$WORK/report-$1.log" | grep -oE "$2=[^ ]+" | cut -d= -f2; }

# ---- 3. API under load ----
step "API under load on SQLite (synchronous=$SYNC, $DURATION s per run, 64 connections)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$STEGVIS" serve --db "sqlite:$WORK/bench.db?synchronous=$SYNC" --key-file "$WORK/key" --port "$PORT" \
  --web-dir "$ROOT/web" --threads 64 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -5 "$WORK/serve.log"; exit 1; }
  sleep 0.2
done
export STEGVIS_BENCH_TOKENS=$WORK/tokens-sqlite.txt
WARM=$(( DURATION < 10 ? 2 : 5 ))
wrk -t2 -c64 -d${WARM}s -s bench/load.lua "http://127.0.0.1:$PORT" >/dev/null 2>&1
wrk -t2 -c64 -d${DURATION}s --latency "http://127.0.0.1:$PORT/api/v1/health" >"$WORK/health.log" 2>&1
wrk -t2 -c64 -d${DURATION}s -s bench/load.lua "http://127.0.0.1:$PORT" >"$WORK/mix.log" 2>"$WORK/mix-errors.log"
sed 's/^/   /' "$WORK/mix.log"
head -5 "$WORK/mix-errors.log" | sed 's/^/   non-2xx: /'
HWM_KB=$(grep VmHWM "/proc/$SERVER_PID/status" | grep -oE '[0-9]+')
# The cheapest audited read (see load.lua, "floor"): what no read that commits its audit entry can beat.
STEGVIS_BENCH_ONLY=floor wrk -t2 -c64 -d${DURATION}s -s bench/load.lua "http://127.0.0.1:$PORT" \
  >"$WORK/floor.log" 2>"$WORK/floor-errors.log"
sed 's/^/   floor: /' "$WORK/floor.log"
head -5 "$WORK/floor-errors.log" | sed 's/^/   floor non-2xx: /'
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
HEALTH_RPS=$(grep -oE 'Requests/sec: +[0-9.]+' "$WORK/health.log" | grep -oE '[0-9.]+$')
load_field() { grep -oE "^load: .*" "$WORK/$1.log" | grep -oE " $2=[^ ]+" | cut -d= -f2; }
mix_field() { load_field mix "$1"; }
MIX_RPS=$(mix_field rps)
FLOOR_RPS=$(load_field floor rps)
[ -n "$MIX_RPS" ] && [ -n "$HEALTH_RPS" ] && [ -n "$FLOOR_RPS" ] ||
  { echo "bench: wrk gave no figures" >&2; cat "$WORK/mix.log" "$WORK/health.log" "$WORK/floor.log" >&2; exit 1; }

# ---- 4. the programme catalogue (its own 10 000 entries beside the data set) ----
step "catalogue search, SQLite"
"$CATALOGUE_BENCH" "sqlite:$WORK/bench.db" | tee "$WORK/catalogue-sqlite.log" | sed 's/^/   /'
step "catalogue search, PostgreSQL"
"$CATALOGUE_BENCH" "$PG_URL" | tee "$WORK/catalogue-postgresql.log" | sed 's/^/   /'
catalogue_ms() { grep -oE 'worst_ms=[0-9.]+' "$WORK/catalogue-$1.log" | cut -d= -f2; }

# ---- 5. questionnaires ----
QUEST=0
if awk -v s="$SCALE" 'BEGIN{exit !(s >= 0.1)}'; then
  QUEST=1
  step "questionnaires on SQLite"
  "$ROOT/$BUILD/bench/stegvis_questionnaire_bench" "sqlite:$WORK/quest.db" | tee "$WORK/quest-sqlite.log" | sed 's/^/   /'
  step "questionnaires on PostgreSQL (the scratch schema emptied first)"
  psql "$PG_URL" -qX -c "DROP SCHEMA IF EXISTS public CASCADE" -c "CREATE SCHEMA public" 2>&1 | grep -v NOTICE || true
  "$ROOT/$BUILD/bench/stegvis_questionnaire_bench" "$PG_URL" | tee "$WORK/quest-postgresql.log" | sed 's/^/   /'
fi
quest_field() { grep -oE "^result: .*" "$WORK/quest-$1.log" | grep -oE "$2=[^ ]+" | cut -d= -f2; }

# ---- the table ----
fmt() { printf "%'d" "${1%.*}" 2>/dev/null || echo "$1"; }
echo
echo "Stegvis benchmark: scale $SCALE (seed $SEED), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(uname -m)"
printf '%-48s %18s %18s\n' "" "SQLite" "PostgreSQL"
printf '%-48s %18s %18s\n' "rows generated" "$(fmt "$(rows_of sqlite)")" "$(fmt "$(rows_of postgresql)")"
printf '%-48s %18s %18s\n' "load time incl. indexes (s)" "$(secs_of sqlite)" "$(secs_of postgresql)"
printf '%-48s %18s %18s\n' "load rate (rows/s)" "$(fmt "$(rate_of sqlite)")" "$(fmt "$(rate_of postgresql)")"
printf '%-48s %18s %18s\n' "retention: purge of the ten-year backlog (s)" "$(purge_of sqlite)" "$(purge_of postgresql)"
printf '%-48s %18s %18s\n' "year report, ReportService (ms; goal < 1000)" "$(report_field sqlite product_ms)" "$(report_field postgresql product_ms)"
printf '%-48s %18s %18s\n' "year report, hand-written SQL (ms)" "$(report_field sqlite sql_ms)" "$(report_field postgresql sql_ms)"
printf '%-48s %18s %18s\n' "ratio (goal <= 2.0)" "$(report_field sqlite ratio)" "$(report_field postgresql ratio)"
printf '%-48s %18s %18s\n' "catalogue search, 10 000, worst (ms; goal < 50)" "$(catalogue_ms sqlite)" "$(catalogue_ms postgresql)"
printf '%-48s %18s\n' "API mix, 64 connections (req/s)" "$(fmt "$MIX_RPS")"
printf '%-48s %18s\n' "GET /api/v1/health, same server (req/s)" "$(fmt "$HEALTH_RPS")"
printf '%-48s %18s\n' "mix / health (goal >= 40 %)" "$(awk -v a="$MIX_RPS" -v b="$HEALTH_RPS" 'BEGIN{printf "%.1f %%", 100*a/b}')"
printf '%-48s %18s\n' "cheapest audited read alone (req/s)" "$(fmt "$FLOOR_RPS")"
printf '%-48s %18s\n' "cheapest audited read / health (the ceiling)" "$(awk -v a="$FLOOR_RPS" -v b="$HEALTH_RPS" 'BEGIN{printf "%.1f %%", 100*a/b}')"
printf '%-48s %18s\n' "mix p50 / p99 latency (ms; p99 goal < 25)" "$(mix_field p50_ms) / $(mix_field p99_ms)"
printf '%-48s %18s\n' "non-2xx responses, mix / cheapest read (goal 0)" "$(mix_field non2xx) / $(load_field floor non2xx)"
printf '%-48s %18s\n' "mix socket errors (goal 0)" "$(mix_field socket_errors)"
printf '%-48s %18s\n' "server peak RSS, VmHWM (MB; goal < 300)" "$(( HWM_KB / 1024 ))"
printf '%-48s %18s\n' "server SQLite sync mode" "$SYNC"
if [ "$QUEST" = 1 ]; then
  printf '%-48s %18s %18s\n' "1000 concurrent answers (ms)" "$(quest_field sqlite answers_ms)" "$(quest_field postgresql answers_ms)"
  printf '%-48s %18s %18s\n' "answer errors (goal 0)" "$(quest_field sqlite answer_errors)" "$(quest_field postgresql answer_errors)"
  printf '%-48s %18s %18s\n' "results, 100 000 responses (ms; goal < 300)" "$(quest_field sqlite results_ms)" "$(quest_field postgresql results_ms)"
fi
