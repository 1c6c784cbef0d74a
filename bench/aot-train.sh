#!/usr/bin/env bash
# A JDK 25 AOT cache (JEP 483/514/515: classes loaded and linked, and method profiles) trained on order placement,
# for bench/orders.sh --flags "-XX:AOTCache=FILE".
#
#   bench/aot-train.sh FILE [--seconds S]
#
# Starts the server as bench/orders.sh does (run.sh's flags without -Xshare:auto, which the AOT flags refuse) with
# -XX:AOTCacheOutput=FILE on a fresh PostgreSQL database, runs bench/orders.py's set-up and S seconds (default 40)
# of "life" load with 16 clients, then stops it with SIGTERM: the JVM assembles the cache at exit (a few seconds).
# The database is dropped afterwards. Needs JDK 25+ and PostgreSQL on 127.0.0.1:5432.
source "$(dirname "$0")/common.sh"
build_if_missing server

[ $# -ge 1 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
out="$(realpath -m "$1")"; shift
seconds=40
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    *) sed -n '2,10p' "$0" >&2; exit 2 ;;
  esac
done

drop_xshare
PG=(-h 127.0.0.1 -p 5432 -U postgres)
db="milkrun_aot_$(python3 -c 'import secrets; print(secrets.token_hex(5))')"
createdb "${PG[@]}" "$db"
trap 'bench_cleanup; dropdb "${PG[@]}" --if-exists --force "$db" 2>/dev/null || true' EXIT

rm -f "$out"
port=$(free_port)
env MILKRUN_PORT="$port" MILKRUN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MILKRUN_DB_USER=postgres \
  MILKRUN_DB_PASSWORD=postgres MILKRUN_STORE=sql "${LOAD_ENV[@]}" \
  "$JAVA" "${PRODUCT_FLAGS[@]}" -XX:AOTCacheOutput="$out" -jar "$SERVER_JAR" >"$WORK/server.log" 2>&1 &
pid=$!
register_pid "$pid"
wait_ready "$port" "$pid" 120 || { tail -20 "$WORK/server.log" >&2; exit 1; }
python3 "$BENCH/orders.py" setup --port "$port" --customers 16 --out "$WORK/ids.json"
python3 "$BENCH/orders.py" run --port "$port" --ids "$WORK/ids.json" --scenario life --db "$db" --clients 16 \
  --warmup 5 --duration "$seconds" --server-pid "$pid" | cut -c1-160
kill "$pid"
for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # assembling the cache takes a while
wait "$pid" 2>/dev/null || true
grep -E "AOTCache creation|Error|error" "$WORK/server.log" | head -5
[ -s "$out" ] || { echo "no AOT cache was written (needs JDK 25+)" >&2; exit 1; }
echo "AOT cache: $out ($(du -h "$out" | cut -f1))"
