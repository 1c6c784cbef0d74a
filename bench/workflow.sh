#!/usr/bin/env bash
# Order workflow latency: after POST /orders answers 201 (Pending), the server's durable workflow run confirms the
# order in the background (NotifyVendors -> UpdateOrderStatus "Confirmed" -> NotifyCustomer). Measures the time from
# the client's 201 to Confirmed with N orders in flight, p50/p90/p99/max per database, H2 and PostgreSQL, a fresh
# database per run. Target: p99 <= 1 s with 100 orders in flight.
#   --mode burst (default, the headline): rounds of N orders placed at once (a barrier releases N client threads,
#     one POST each); while they are in flight nothing polls the orders, only GET /admin/workflow/runs?status=Running
#     &limit=1 every 50 ms until no run is left; then each order is read once and its latency taken from its
#     timeline's "Confirmed" entry (server clock, same machine). 1 s pause, warm-up rounds, then measured rounds.
#   --mode closed (the stress variant): N client threads each place an order, poll GET /orders/{id} every 20 ms
#     until it is Confirmed, place the next; (a) from the timeline, (b) as seen by polling.
#
#   bench/workflow.sh [-n RUNS] [--db "h2 pg"] [--mode burst|closed] [--in-flight N] [--build]
#                     burst:  [--rounds N] [--warmup-rounds N] [--pause S] [--wait-ms MS] [--run-sample N]
#                     closed: [--warmup S] [--duration S] [--poll-ms MS] [--events N] [--stacks N] [--trace]
#                     [--env "NAME=VALUE ..."] [--flags "JVM FLAGS"] [--keep DIR]
#
#   -n RUNS        runs per database (default 3), round-robin; medians of the runs' percentiles printed at the end
#   --db           databases (default "h2 pg"): an H2 file database in the temp dir, or `createdb
#                  milkrun_bench_<random>` on 127.0.0.1:5432 (user postgres), dropped afterwards
#   --mode M       burst (default) or closed
#   --in-flight N  orders in flight = client threads = customers (default 100)
#   --build        rebuild the jars first (./mvnw -q install -DskipTests). Without it they are rebuilt anyway when
#                  missing or when a *.java/*.json/*.sql file under a module's src/main or under infra/ is newer
#                  than server/target/milkrun-server.jar
#   burst:
#   --rounds N         measured rounds (default 20: 2000 orders with 100 in flight)
#   --warmup-rounds N  rounds before them (default 10)
#   --pause S          seconds between rounds (default 1)
#   --wait-ms MS       interval of the one request made while a round is in flight (default 50)
#   --run-sample N     orders per round whose workflow run is read afterwards for "201 -> run ended" (default 20)
#   closed:
#   --warmup S     seconds of the same load before the measured window (default 30)
#   --duration S   measured window (default 30): orders whose 201 arrives in it count, and are followed to Confirmed
#   --poll-ms MS   poll interval of GET /orders/{id} (default 20)
#   --events N     orders per run whose workflow run history is read afterwards for the breakdown (default 300)
#   --stacks N     N thread dumps (jcmd Thread.print) over each window: what the workflow workers, their task
#                  threads and the request threads are doing (default 0: none)
#   --trace        record JFR's method trace (JDK 25+) of the workflow workers over each window: how many of them
#                  were busy on average and how long a run keeps its worker
#   both:
#   --env "..."    extra server environment, e.g. "MILKRUN_WORKFLOW_WORKERS=8 MILKRUN_WORKFLOW_POLL_MS=100"
#   --flags F      extra JVM flags after run.sh's (e.g. "-Xmx512m")
#   --keep DIR     copy the JSON result of every run to DIR
#
# Every server is started as run.sh does (its JVM flags, no AppCDS archive) plus -Xlog:gc to a file, with
# MILKRUN_BCRYPT_COST=4 (set-up speed only) and MILKRUN_LOG_LEVEL=WARN; the workflow runner uses the product's
# defaults (4 workers, 500 ms poll) unless --env says otherwise. Only 127.0.0.1 is used. Servers, temp dir and
# databases are removed on exit. Closed: about 100 s per run with the defaults (about 10 minutes for -n 3 on both
# databases). Burst: set-up plus 30 rounds of (round + 1 s pause + reading the round's orders) per run.
source "$(dirname "$0")/common.sh"

runs=3 dbs="h2 pg" mode=burst build=0 rounds=20 warmup_rounds=10 pause=1 wait_ms=50 run_sample=20 in_flight=100 warmup=30 duration=30 poll_ms=20 events=300 stacks=0 trace=0 env_extra="" extra="" keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --db) dbs="$2"; shift 2 ;;
    --in-flight) in_flight="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --build) build=1; shift ;;
    --rounds) rounds="$2"; shift 2 ;;
    --warmup-rounds) warmup_rounds="$2"; shift 2 ;;
    --pause) pause="$2"; shift 2 ;;
    --wait-ms) wait_ms="$2"; shift 2 ;;
    --run-sample) run_sample="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --poll-ms) poll_ms="$2"; shift 2 ;;
    --events) events="$2"; shift 2 ;;
    --stacks) stacks="$2"; shift 2 ;;
    --trace) trace=1; shift ;;
    --env) env_extra="$2"; shift 2 ;;
    --flags) extra="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) sed -n '2,50p' "$0" >&2; exit 2 ;;
  esac
done
case "$mode" in
  burst) if [ "$trace" = 1 ] || [ "$stacks" != 0 ]; then echo "--trace and --stacks need --mode closed" >&2; exit 2; fi ;;
  closed) ;;
  *) echo "--mode is burst or closed" >&2; exit 2 ;;
esac

# The server jar must be current: rebuild when asked, when a jar is missing, or when a source, resource or
# migration under a module's src/main (or infra/, whose state machine the server loads) is newer than the jar.
stale=""
if [ -f "$SERVER_JAR" ]; then
  stale=$(find "$ROOT"/*/src/main "$ROOT/infra" -type f \( -name '*.java' -o -name '*.json' -o -name '*.sql' \) \
    -newer "$SERVER_JAR" -print 2>/dev/null | head -3)
fi
if [ "$build" = 1 ] || [ -n "$stale" ]; then
  [ -n "$stale" ] && echo "Sources newer than $SERVER_JAR, e.g. ${stale//$'\n'/, }" >&2
  echo "Building MilkRun (./mvnw -q install -DskipTests)..." >&2
  (cd "$ROOT" && ./mvnw -q -B install -DskipTests)
  touch "$SERVER_JAR"   # an unchanged jar keeps its old time when nothing needed repackaging
else
  build_if_missing
fi
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
    MILKRUN_STORE=sql MILKRUN_DEMO_DATA=true MILKRUN_DEV_MAILBOX=true MILKRUN_LOG_LEVEL=WARN MILKRUN_BCRYPT_COST=4 \
    MILKRUN_RATE_LIMIT_PER_CLIENT=0 MILKRUN_RATE_LIMIT_PER_ACCOUNT=0 MILKRUN_FAILED_ATTEMPTS_PER_CLIENT=0 \
    MILKRUN_MAX_OPEN_COD_ORDERS=1000000 MILKRUN_MAX_UNITS_PER_PRODUCT=1000000 "${extra_env[@]}" \
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
  if [ "$mode" = burst ]; then
    python3 "$BENCH/workflow.py" run --mode burst --port "$server_port" --ids "$ids" --in-flight "$in_flight" \
      --rounds "$rounds" --warmup-rounds "$warmup_rounds" --pause "$pause" --wait-ms "$wait_ms" \
      --run-sample "$run_sample" --server-pid "$server_pid" --gc-log "$gclog" \
      --json "$OUT/workflow-$db-$run.json" | sed 's/^/  /' || status=1
  else
    python3 "$BENCH/workflow.py" run --mode closed --port "$server_port" --ids "$ids" --in-flight "$in_flight" \
      --warmup "$warmup" --duration "$duration" --poll-ms "$poll_ms" --events "$events" --stacks "$stacks" \
      --java-home "$JAVA_HOME" ${trace_file:+--trace "$trace_file" --workers "$workers"} --server-pid "$server_pid" \
      --gc-log "$gclog" --json "$OUT/workflow-$db-$run.json" | sed 's/^/  /' || status=1
  fi
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
if [ "$mode" = burst ]; then
  echo "burst: rounds of $in_flight orders placed at once, $warmup_rounds warm-up + $rounds measured rounds, ${pause} s" \
    "pause, GET /admin/workflow/runs?status=Running every ${wait_ms} ms while in flight, $runs run(s) per database;" \
    "server jar built $(date -u -r "$SERVER_JAR" +%Y-%m-%dT%H:%MZ); JVM: ${PRODUCT_FLAGS[*]} ${extra:+$extra }-Xlog:gc;" \
    "env: ${env_extra:-product defaults}"
else
  echo "closed loop: $in_flight orders in flight, poll every ${poll_ms} ms, warm-up ${warmup} s, window ${duration} s," \
    "$runs run(s) per database; server jar built $(date -u -r "$SERVER_JAR" +%Y-%m-%dT%H:%MZ);" \
    "JVM: ${PRODUCT_FLAGS[*]} ${extra:+$extra }-Xlog:gc; env: ${env_extra:-product defaults}"
fi
for run in $(seq 1 "$runs"); do
  for db in $dbs; do
    cell "$db" "$run"
  done
done

if [ "$runs" -gt 0 ]; then
  echo
  if [ "$mode" = closed ]; then
    echo "Medians over $runs run(s) per database of each run's percentiles; (a) = timeline 'Confirmed' (server clock)"
    echo "minus the client's 201, (b) = first poll that saw Confirmed minus the 201:"
    echo
  fi
  python3 "$BENCH/workflow.py" report --dir "$OUT"
  if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$OUT"/*.json "$keep"/; fi
fi
exit "$status"
