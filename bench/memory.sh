#!/usr/bin/env bash
# Memory under load: starts the local server (H2 file database in a temp dir, demo data, run.sh's JVM flags with
# its AppCDS archive), sends 10,000 mixed requests from 8 keep-alive clients (bench/load.py), then reads VmRSS and
# VmHWM from /proc/<pid>/status. Prints requests/s, statuses (5xx must be 0) and RSS; target RSS <= 300 MB.
#
#   bench/memory.sh [-n RUNS] [--requests N] [--threads T] [--flags "EXTRA JVM FLAGS"] [--matrix] [--nmt]
#
#   -n RUNS         runs per configuration, each on a fresh server and database (default 3; medians printed)
#   --requests N    requests per run (default 10000);  --threads T  concurrent clients (default 8)
#   --flags F       extra JVM flags after run.sh's (e.g. "-Xmx128m")
#   --matrix        run every configuration of MATRIX below instead of one (default 1 run each, ~30 s each)
#   --nmt           add -XX:NativeMemoryTracking=summary and print `jcmd VM.native_memory summary` after the load
#                   (where the RSS goes: heap, metaspace, code cache, threads, GC, ...)
#
# Only 127.0.0.1 is used. The server and temp dir are removed on exit.
source "$(dirname "$0")/common.sh"
build_if_missing

# Flag sets tried by --matrix, each added to run.sh's flags. "label|flags"
MATRIX=(
  "run.sh flags (baseline)|"
  "-XX:MaxRAM=64g (as on a 64 GB host)|-XX:MaxRAM=64g"
  "-Xmx128m|-Xmx128m"
  "-Xmx96m|-Xmx96m"
  "-Xmx64m|-Xmx64m"
  "-Xss512k|-Xss512k"
  "-XX:ReservedCodeCacheSize=32m|-XX:ReservedCodeCacheSize=32m"
  "-XX:TieredStopAtLevel=1|-XX:TieredStopAtLevel=1"
  "-Xmx128m -XX:TieredStopAtLevel=1|-Xmx128m -XX:TieredStopAtLevel=1"
)

runs="" requests=10000 threads=8 extra="" matrix=0 nmt=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --flags) extra="$2"; shift 2 ;;
    --matrix) matrix=1; shift ;;
    --nmt) nmt=1; shift ;;
    *) echo "usage: $0 [-n RUNS] [--requests N] [--threads T] [--flags \"JVM FLAGS\"] [--matrix] [--nmt]" >&2; exit 2 ;;
  esac
done
if [ "$matrix" = 1 ]; then configs=("${MATRIX[@]}"); runs="${runs:-1}"; else configs=("run.sh flags${extra:+ + $extra}|$extra"); runs="${runs:-3}"; fi

results="$WORK/results.tsv"
: > "$results"

# start_server DBDIR ARCHIVE FLAGS...: starts the server in the background; sets $server_pid and $server_port
start_server() {
  local db="$1" jsa="$2"; shift 2
  server_port=$(free_port)
  MILKRUN_PORT="$server_port" MILKRUN_DB_URL="jdbc:h2:file:$db/milkrun" MILKRUN_DEMO_DATA=true MILKRUN_DEV_MAILBOX=true MILKRUN_LOG_LEVEL=WARN \
  MILKRUN_RATE_LIMIT_PER_CLIENT=0 MILKRUN_RATE_LIMIT_PER_ACCOUNT=0 MILKRUN_FAILED_ATTEMPTS_PER_CLIENT=0 \
    MILKRUN_STORE=sql "$JAVA" "${PRODUCT_FLAGS[@]}" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$jsa" "$@" \
    -jar "$SERVER_JAR" >>"$WORK/server.log" 2>&1 &
  server_pid=$!
  register_pid "$server_pid"
  wait_ready "$server_port" "$server_pid" 120
}

kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$2/status"; }

echo "MilkRun memory, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
echo "$requests requests, $threads clients, $runs run(s) per configuration; base flags: ${PRODUCT_FLAGS[*]} + AppCDS"
ci=0
for config in "${configs[@]}"; do
  ci=$((ci + 1))
  label="${config%%|*}"
  read -r -a flags <<< "${config#*|}"
  [ "$nmt" = 1 ] && flags+=(-XX:NativeMemoryTracking=summary)
  echo
  echo "== $label"
  jsa="$WORK/cds-$ci.jsa"
  for run in $(seq 1 "$runs"); do
    db="$WORK/db-$ci-$run"
    mkdir -p "$db"
    # first start: loads the demo data (and makes this configuration's AppCDS archive, as run.sh's first start does)
    start_server "$db" "$jsa" "${flags[@]}"
    stop_pid "$server_pid"
    start_server "$db" "$jsa" "${flags[@]}"
    rss_start=$(kb VmRSS "$server_pid")
    status=0
    python3 "$BENCH/load.py" --port "$server_port" --requests "$requests" --threads "$threads" \
      --json "$WORK/load.json" | sed 's/^/  /' || status=$?
    rss=$(kb VmRSS "$server_pid") hwm=$(kb VmHWM "$server_pid")
    if [ "$nmt" = 1 ]; then
      "$JAVA_HOME/bin/jcmd" "$server_pid" VM.native_memory summary scale=MB \
        | grep -E '^(Total|-)' | grep -v 'committed=0MB' | sed 's/^/  nmt: /'
    fi
    stop_pid "$server_pid"
    python3 - "$WORK/load.json" "$label" "$rss_start" "$rss" "$hwm" "$status" >> "$results" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("\t".join([sys.argv[2], str(s["rps"]), str(s["errors5xx"]), str(s["unexpected"]), str(s["requests"]),
                 str(s["p50_ms"]), str(s["p99_ms"]), *sys.argv[3:6]]))
PY
    echo "  run $run: RSS after start $((rss_start / 1024)) MB, after load $((rss / 1024)) MB, peak (VmHWM) $((hwm / 1024)) MB"
    rm -rf "$db"
  done
done

echo
echo "Medians per configuration (RSS in MB; target after-load RSS <= 300 MB; 5xx must be 0):"
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
configs = list(dict.fromkeys(r[0] for r in rows))
print("\n| JVM flags (added to run.sh's) | runs | requests/s | p50 ms | p99 ms | 5xx | unexpected | RSS after start | RSS after load | VmHWM | target |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for c in configs:
    rs = [r for r in rows if r[0] == c]
    m = lambda i: statistics.median(float(r[i]) for r in rs)
    rss = m(8) / 1024
    print(f"| {c} | {len(rs)} | {m(1):.0f} | {m(5):.1f} | {m(6):.0f} | {sum(int(r[2]) for r in rs)} | "
          f"{sum(int(r[3]) for r in rs)} | {m(7) / 1024:.0f} | {rss:.0f} | {m(9) / 1024:.0f} | "
          f"{'MET' if rss <= 300 else 'NOT MET'} |")
PY
