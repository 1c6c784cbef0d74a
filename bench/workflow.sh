#!/usr/bin/env bash
# Order workflow latency: after POST /orders answers 201 (Pending), the server's durable workflow run confirms the
# order in the background (NotifyVendors -> UpdateOrderStatus "Confirmed" -> NotifyCustomer). With N orders in
# flight (N client threads, each placing an order, waiting for its confirmation, placing the next), measures the
# time from the client's 201 to Confirmed: (a) from the timeline's "Confirmed" entry (server clock, same machine)
# and (b) as seen by polling GET /orders/{id} every 20 ms. p50/p90/p99/max per database, H2 and PostgreSQL, a fresh
# database per run. Target: p99 <= 1 s with 100 orders in flight.
#
#   bench/workflow.sh [-n RUNS] [--db "h2 pg"] [--in-flight N] [--warmup S] [--duration S] [--poll-ms MS]
#                     [--events N] [--stacks N] [--trace] [--env "NAME=VALUE ..."] [--flags "JVM FLAGS"] [--keep DIR]
#
#   -n RUNS        runs per database (default 3), round-robin; medians of the runs' percentiles printed at the end
#   --db           databases (default "h2 pg"): an H2 file database in the temp dir, or `createdb
#                  milkrun_bench_<random>` on 127.0.0.1:5432 (user postgres), dropped afterwards
#   --in-flight N  orders in flight = client threads = customers (default 100)
#   --warmup S     seconds of the same load before the measured window (default 30)
#   --duration S   measured window (default 30): orders whose 201 arrives in it count, and are followed to Confirmed
#   --poll-ms MS   poll interval of GET /orders/{id} (default 20)
#   --events N     orders per run whose workflow run history is read afterwards for the breakdown (default 300)
#   --stacks N     N thread dumps (jcmd Thread.print) over each window: what the workflow workers, their task
#                  threads and the request threads are doing (default 0: none)
#   --trace        record JFR's method trace (JDK 25+) of the workflow workers over each window: how many of them
#                  were busy on average and how long a run keeps its worker
#   --env "..."    extra server environment, e.g. "MILKRUN_WORKFLOW_WORKERS=8 MILKRUN_WORKFLOW_POLL_MS=100"
#   --flags F      extra JVM flags after run.sh's (e.g. "-Xmx512m")
#   --keep DIR     copy the JSON result of every run to DIR
#
# Every server is started as run.sh does (its JVM flags, no AppCDS archive) plus -Xlog:gc to a file, with
# MILKRUN_BCRYPT_COST=4 (set-up speed only) and MILKRUN_LOG_LEVEL=WARN; the workflow runner uses the product's
# defaults (4 workers, 500 ms poll) unless --env says otherwise. Only 127.0.0.1 is used. Servers, temp dir and
# databases are removed on exit. About 100 s per run with the defaults (about 10 minutes for -n 3 on both databases).
source "$(dirname "$0")/common.sh"
build_if_missing

runs=3 dbs="h2 pg" in_flight=100 warmup=30 duration=30 poll_ms=20 events=300 stacks=0 trace=0 env_extra="" extra="" keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --db) dbs="$2"; shift 2 ;;
    --in-flight) in_flight="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --poll-ms) poll_ms="$2"; shift 2 ;;
    --events) events="$2"; shift 2 ;;
    --stacks) stacks="$2"; shift 2 ;;
    --trace) trace=1; shift ;;
    --env) env_extra="$2"; shift 2 ;;
    --flags) extra="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) sed -n '2,31p' "$0" >&2; exit 2 ;;
  esac
done
read -r -a extra_flags <<< "$extra"
read -r -a extra_env <<< "$env_extra"
workers=4
for kv in "${extra_env[@]}"; do [[ "$kv" == MILKRUN_WORKFLOW_WORKERS=* ]] && workers="${kv#*=}"; done

PG=(-h 127.0.0.1 -p 5432 -U postgres)
if [[ " $dbs " == *" pg "* ]]; then
  for tool in createdb dropdb psql; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
  psql "${PG[@]}" -XAtc 'SELECT 1' postgres >/dev/null || { echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
fi

CREATED_DBS=()
workflow_cleanup() {
  bench_cleanup   # stops the servers first, so that the databases have no connections left
  local db
  for db in "${CREATED_DBS[@]:-}"; do
    [ -n "$db" ] && dropdb "${PG[@]}" --if-exists --force "$db" 2>/dev/null || true
  done
}
trap workflow_cleanup EXIT

OUT="$WORK/results"
mkdir -p "$OUT"

# start_server DBURL LOG GCLOG: starts the server in the background; sets $server_pid and $server_port
start_server() {
  server_port=$(free_port)
  env MILKRUN_PORT="$server_port" MILKRUN_DB_URL="$1" MILKRUN_DB_USER="$db_user" MILKRUN_DB_PASSWORD="$db_password" \
    MILKRUN_STORE=sql MILKRUN_DEMO_DATA=true MILKRUN_LOG_LEVEL=WARN MILKRUN_BCRYPT_COST=4 "${extra_env[@]}" \
    "$JAVA" "${PRODUCT_FLAGS[@]}" "${extra_flags[@]}" -Xlog:gc:file="$3" -jar "$SERVER_JAR" >>"$2" 2>&1 &
  server_pid=$!
  register_pid "$server_pid"
  if ! wait_ready "$server_port" "$server_pid" 120; then tail -20 "$2" >&2; exit 1; fi
}

# cell DB RUN: one fresh database + server, set-up (customers, products), warm-up + measured window
cell() {
  local db="$1" run="$2" name="$1-$2" url dbname="" h2dir=""
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
  echo "== $db, run $run${dbname:+ (database $dbname)}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  start_server "$url" "$log" "$gclog"
  local trace_file=""
  [ "$trace" = 1 ] && trace_file="$WORK/trace-$name.jfr"
  python3 "$BENCH/orders.py" setup --port "$server_port" --customers "$in_flight" --out "$ids" | sed 's/^/  /'
  python3 "$BENCH/workflow.py" run --port "$server_port" --ids "$ids" --in-flight "$in_flight" --warmup "$warmup" \
    --duration "$duration" --poll-ms "$poll_ms" --events "$events" --stacks "$stacks" --java-home "$JAVA_HOME" \
    ${trace_file:+--trace "$trace_file" --workers "$workers"} --server-pid "$server_pid" --gc-log "$gclog" \
    --json "$OUT/workflow-$db-$run.json" | sed 's/^/  /' || status=1
  if grep -q -i -E 'WARN|ERROR|Exception' "$log"; then
    echo "  server log ($(grep -c -i -E 'WARN|ERROR|Exception' "$log") warning/error lines), first lines:"
    grep -i -E 'WARN|ERROR|Exception' "$log" | head -5 | cut -c1-300 | sed 's/^/    /'
  fi
  stop_pid "$server_pid"
  if [ -n "$dbname" ]; then dropdb "${PG[@]}" --force "$dbname"; fi
  rm -rf "$h2dir"
}

status=0
echo "MilkRun order workflow latency, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB," \
  "$("$JAVA" -version 2>&1 | head -1), $(psql "${PG[@]}" -XAtc 'SHOW server_version' postgres 2>/dev/null | sed 's/^/PostgreSQL /')"
echo "$in_flight orders in flight, poll every ${poll_ms} ms, warm-up ${warmup} s, window ${duration} s, $runs run(s) per database;" \
  "JVM: ${PRODUCT_FLAGS[*]} ${extra:+$extra }-Xlog:gc; env: ${env_extra:-product defaults}"
for run in $(seq 1 "$runs"); do
  for db in $dbs; do
    cell "$db" "$run"
  done
done

if [ "$runs" -gt 0 ]; then
  echo
  echo "Medians over $runs run(s) per database of each run's percentiles; (a) = timeline 'Confirmed' (server clock)"
  echo "minus the client's 201, (b) = first poll that saw Confirmed minus the 201:"
  echo
  python3 "$BENCH/workflow.py" report --dir "$OUT"
  if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$OUT"/*.json "$keep"/; fi
fi
exit "$status"
