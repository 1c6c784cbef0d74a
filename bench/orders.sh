#!/usr/bin/env bash
# Order placement under load: 16 keep-alive clients, each its own customer, place orders back to back (POST /orders)
# against the local server on H2 and on PostgreSQL, and the same reads and writes sent straight to PostgreSQL by
# pgbench (the ceiling). Prints orders/s, p50/p99, statuses (every answer must be 201), CPU per order of the server,
# PostgreSQL and the client, and MilkRun-on-PostgreSQL as a percentage of the pgbench ceiling (target >= 50 % for
# "spread").
#
#   bench/orders.sh [-n RUNS] [--warmup S] [--ref-warmup S] [--duration S] [--clients C] [--db "h2 pg"] [--scenarios "spread hot"]
#                   [--no-refs] [--no-pgbench] [--variants "ceiling mirror"] [--pool N] [--flags "JVM FLAGS"]
#                   [--profile] [--keep DIR]
#
#   -n RUNS        runs per cell (default 3), round-robin over the cells; medians printed at the end
#   --warmup S     seconds of load before the measured window of the order cells (default 60: on 2 busy cores the
#                  JIT needs ~30 s on PostgreSQL and ~60 s on H2 before throughput levels off)
#   --ref-warmup S warm-up of the /users/me and /categories reference cells (default 20)
#   --duration S   measured seconds (default 20);  --clients C  concurrent clients (default 16)
#   --db           databases (default "h2 pg"); each cell gets a fresh one: an H2 file database in the temp dir, or
#                  `createdb milkrun_bench_<random>` on 127.0.0.1:5432 (user postgres), dropped afterwards
#   --scenarios    "spread" (2 random lines of 40 products) and/or "hot" (1 unit of the same product), and/or "life"
#                  (PostgreSQL only): an order's whole life. The clients place "spread" orders; after the window they
#                  stop and the workflow runner gets --drain seconds to finish. Counts the window's orders that are
#                  Confirmed with their run Succeeded (vendor and customer told) by then, the placements/s, the
#                  backlog of running runs, CPU, statements, round trips and transactions per finished order (the
#                  server runs with -Dmilkrun.jdbc.counts). Its pgbench scripts: "ceiling" (placement, for the
#                  placed/s) and "life" (the placement plus the timeline's three entries, the status change to
#                  Confirmed and both inbox messages, in one transaction, for the confirmed/s)
#   --drain S      life: seconds the runner gets after the window (default 10)
#   --no-refs      skip the reference cells: GET /users/me (authenticated no-op: token check + 4 reads) on each
#                  database and GET /categories (no token, no database: HTTP + JSON) once
#   --no-pgbench   skip the pgbench ceiling; --variants: which pgbench scripts (default "ceiling mirror"; "hot" adds
#                  "reorder", the inventory UPDATE moved just before COMMIT) -- see bench/orders.py
#   --pool N       MILKRUN_DB_POOL_SIZE (default: unset, the product's 10)
#   --flags F      extra JVM flags after run.sh's (e.g. "-Xmx512m"; with "-XX:AOTCache=FILE" from bench/aot-train.sh,
#                  run.sh's -Xshare:auto is left out, as the JVM refuses both together)
#   --env "..."    extra server environment, e.g. "MILKRUN_WORKFLOW_EAGER=false MILKRUN_WORKFLOW_WORKERS=4"
#   --profile      afterwards, one more run per database and scenario with JFR's CPU-time sampler over the window:
#                  where the request threads' CPU goes (token check, JSON, Jetty, JDBC, H2, MilkRun code)
#   --keep DIR     copy the JSON result of every run to DIR
#
# Every server is started as run.sh does (its JVM flags, no AppCDS archive) plus -Xlog:gc to a file (GC pauses in
# the window are reported), with MILKRUN_BCRYPT_COST=4 (set-up speed only) and MILKRUN_LOG_LEVEL=WARN. Only
# 127.0.0.1 is used. Servers, temp dir and databases are removed on exit. About 11 minutes per run with defaults.
source "$(dirname "$0")/common.sh"
build_if_missing server

runs=3 warmup=60 ref_warmup=20 duration=20 drain=10 clients=16 dbs="h2 pg" scenarios="spread hot" refs=1 pgb=1 variants="ceiling mirror"
pool="" extra="" env_extra="" profile=0 keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --ref-warmup) ref_warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --drain) drain="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --db) dbs="$2"; shift 2 ;;
    --scenarios) scenarios="$2"; shift 2 ;;
    --no-refs) refs=0; shift ;;
    --no-pgbench) pgb=0; shift ;;
    --variants) variants="$2"; shift 2 ;;
    --pool) pool="$2"; shift 2 ;;
    --flags) extra="$2"; shift 2 ;;
    --env) env_extra="$2"; shift 2 ;;
    --profile) profile=1; shift ;;
    --keep) keep="$2"; shift 2 ;;
    *) sed -n '2,42p' "$0" >&2; exit 2 ;;
  esac
done
read -r -a extra_flags <<< "$extra"
read -r -a extra_env <<< "$env_extra"
# An AOT cache (-XX:AOTCache=..., JDK 24+) and -Xshare:* may not be given together: the cache replaces the CDS archive
if [[ " $extra " == *" -XX:AOTCache"* || "$extra" == -XX:AOTCache* ]]; then
  drop_xshare
fi

PG=(-h 127.0.0.1 -p 5432 -U postgres)
if [[ " $dbs " == *" pg "* ]]; then
  for tool in createdb dropdb psql pgbench; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
  psql "${PG[@]}" -XAtc 'SELECT 1' postgres >/dev/null || { echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
fi

CREATED_DBS=()
orders_cleanup() {
  bench_cleanup   # stops the servers first, so that the databases have no connections left
  local db
  for db in "${CREATED_DBS[@]:-}"; do
    [ -n "$db" ] && dropdb "${PG[@]}" --if-exists --force "$db" 2>/dev/null || true
  done
}
trap orders_cleanup EXIT

OUT="$WORK/results"
mkdir -p "$OUT"

# start_server DBURL LOG GCLOG [JVM FLAG...]: starts the server in the background; sets $server_pid and $server_port
start_server() {
  local more=("${@:4}")
  server_port=$(free_port)
  env MILKRUN_PORT="$server_port" MILKRUN_DB_URL="$1" MILKRUN_DB_USER="$db_user" MILKRUN_DB_PASSWORD="$db_password" \
    MILKRUN_STORE=sql "${LOAD_ENV[@]}" ${pool:+MILKRUN_DB_POOL_SIZE=$pool} "${extra_env[@]}" \
    "$JAVA" "${PRODUCT_FLAGS[@]}" "${extra_flags[@]}" "${more[@]}" -Xlog:gc:file="$3" -jar "$SERVER_JAR" >>"$2" 2>&1 &
  server_pid=$!
  register_pid "$server_pid"
  if ! wait_ready "$server_port" "$server_pid" 120; then tail -20 "$2" >&2; exit 1; fi
}

# cell DB SCENARIO RUN [--profile]: one fresh database + server, set-up, warm-up + measured window, then (on
# PostgreSQL, for the order scenarios) the pgbench scripts against that same database
cell() {
  local db="$1" sc="$2" run="$3" prof="${4:-}" name="$1-$2-$3${4:+-profile}" url dbname="" h2dir=""
  local log="$WORK/server-$name.log" gclog="$WORK/gc-$name.log" ids="$WORK/ids-$name.json"
  if [ "$db" = pg ]; then
    dbname="milkrun_bench_$(python3 -c 'import secrets; print(secrets.token_hex(5))')"
    createdb "${PG[@]}" "$dbname"
    CREATED_DBS+=("$dbname")
    url="jdbc:postgresql://127.0.0.1:5432/$dbname" db_user=postgres db_password=postgres
  else
    h2dir="$WORK/h2-$name"
    mkdir -p "$h2dir"
    url="jdbc:h2:file:$h2dir/milkrun" db_user=sa db_password=""
  fi
  echo "== $db / $sc, run $run${prof:+ (profiled)}${dbname:+ (database $dbname)}"
  local counts="$WORK/jdbc-counts-$name.txt" life=()
  if [ "$sc" = life ]; then
    life=(--db "$dbname" --drain "$drain" --jdbc-counts "$counts")
    start_server "$url" "$log" "$gclog" -Dmilkrun.jdbc.counts="$counts"
  else
    start_server "$url" "$log" "$gclog"
  fi
  python3 "$BENCH/orders.py" setup --port "$server_port" --customers "$clients" --out "$ids" | sed 's/^/  /'
  local json="$OUT/milkrun-$db-$sc-$run.json" jfr=() w="$warmup"
  case "$sc" in me|categories) w="$ref_warmup" ;; esac
  if [ -n "$prof" ]; then json="$WORK/profile-$name.json" jfr=(--jfr "$WORK/$name.jfr" --java-home "$JAVA_HOME"); fi
  python3 "$BENCH/orders.py" run --port "$server_port" --ids "$ids" --scenario "$sc" --clients "$clients" \
    --warmup "$w" --duration "$duration" --server-pid "$server_pid" --gc-log "$gclog" \
    ${h2dir:+--h2-dir "$h2dir"} --json "$json" "${jfr[@]}" "${life[@]}" | sed 's/^/  /' || status=1
  stop_pid "$server_pid"
  if [ "$db" = pg ] && [ "$pgb" = 1 ] && [ -z "$prof" ] && { [ "$sc" = spread ] || [ "$sc" = hot ] || [ "$sc" = life ]; }; then
    local v vs="$variants"
    [ "$sc" = hot ] && [[ " $vs " != *" reorder "* ]] && vs="$vs reorder"
    [ "$sc" = life ] && vs="ceiling life"
    for v in $vs; do
      python3 "$BENCH/orders.py" pgbench --db "$dbname" --ids "$ids" --scenario "$sc" --variant "$v" \
        --clients "$clients" --threads 2 --warmup 5 --duration "$duration" --script "$WORK/pgbench-$sc-$v.sql" \
        --json "$OUT/pgbench-$sc-$v-$run.json" | sed 's/^/  /' || status=1
    done
  fi
  if [ -n "$dbname" ]; then dropdb "${PG[@]}" --force "$dbname"; fi
  rm -rf "$h2dir"
}

cells=()
for sc in $scenarios; do for db in $dbs; do
  [ "$sc" = life ] && [ "$db" != pg ] && continue   # the drain and the counts read the database with psql
  cells+=("$db $sc")
done; done
if [ "$refs" = 1 ]; then
  for db in $dbs; do cells+=("$db me"); done
  cells+=("$(set -- $dbs; echo "$1") categories")
fi

status=0
echo "MilkRun order placement, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB," \
  "$("$JAVA" -version 2>&1 | head -1), $(psql "${PG[@]}" -XAtc 'SHOW server_version' postgres 2>/dev/null | sed 's/^/PostgreSQL /')"
echo "$clients clients, warm-up ${warmup} s (references ${ref_warmup} s), window ${duration} s, $runs run(s) per cell; JVM: ${PRODUCT_FLAGS[*]}" \
  "${extra:+$extra }-Xlog:gc; pool ${pool:-10 (default)}${env_extra:+; env $env_extra}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  for c in "${cells[@]}"; do
    # shellcheck disable=SC2086
    cell $c "$run"
  done
done
if [ "$profile" = 1 ]; then
  for sc in $scenarios; do for db in $dbs; do cell "$db" "$sc" 1 profile; done; done
fi

if [ "$runs" -gt 0 ]; then
  echo
  echo "Medians over $runs run(s) per cell (CPU per order/request: user + system time over the window divided by the"
  echo "201/200 answers in it; 'busy cores' is the whole machine, other users included):"
  echo
  python3 "$BENCH/orders.py" report --dir "$OUT"
  if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$OUT"/*.json "$keep"/; fi
fi
exit "$status"
