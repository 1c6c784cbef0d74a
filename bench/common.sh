#!/usr/bin/env bash
# Shared set-up of the benchmark scripts (sourced, not run): finds a JDK 21+, builds the jars when missing and
# makes a temp dir that is removed on exit together with every process the script registered.
#
# After sourcing: $ROOT (the repository), $BENCH (this folder), $SERVER_JAR, $SERVER_LIB, $LAMBDA_JAR, $WORK (temp
# dir), $JAVA (the java launcher) and the functions register_pid, python3 helpers live next to this file.

set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
# shellcheck source=../scripts/java-home.sh
source "$ROOT/scripts/java-home.sh"
# shellcheck source=../scripts/jvm-flags.sh
source "$ROOT/scripts/jvm-flags.sh"
JAVA="$JAVA_HOME/bin/java"

# MILKRUN_BENCH_SERVER_DIR: another build's server/target (e.g. a copy kept to compare before and after a change)
SERVER_JAR="${MILKRUN_BENCH_SERVER_DIR:-$ROOT/server/target}/milkrun-server.jar"
SERVER_LIB="${MILKRUN_BENCH_SERVER_DIR:-$ROOT/server/target}/lib"
LAMBDA_JAR="$ROOT/lambda/target/milkrun-lambda-0.1.0-SNAPSHOT-aws.jar"

# build_if_missing [server]: builds when a jar is missing; with "server", only the server's jar and lib are needed
build_if_missing() {
  if [ ! -f "$SERVER_JAR" ] || [ ! -d "$SERVER_LIB" ] || { [ "${1:-}" != server ] && [ ! -f "$LAMBDA_JAR" ]; }; then
    echo "Building MilkRun (./mvnw -q install -DskipTests)..." >&2
    (cd "$ROOT" && ./mvnw -q -B install -DskipTests)
  fi
}

command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/milkrun-bench.XXXXXX")"
BENCH_PIDS=()

register_pid() { BENCH_PIDS+=("$1"); }

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# The JVM flags of run.sh, minus the class-data-sharing archive (callers add it when they want it).
PRODUCT_FLAGS=("${MILKRUN_JVM_FLAGS[@]}")

# drop_xshare: removes -Xshare:* from PRODUCT_FLAGS (the JDK 25 AOT cache flags refuse to be given with it)
drop_xshare() {
  local kept=() f
  for f in "${PRODUCT_FLAGS[@]}"; do [[ $f == -Xshare:* ]] || kept+=("$f"); done
  PRODUCT_FLAGS=("${kept[@]}")
}

# The server's environment under load: demo data (the accounts the set-ups sign in with) and the dev mailbox (their
# codes), quiet logs, the rate limits and the per-customer order limits off (every client places as fast as it can),
# and a cheap password hash (set-up speed only).
LOAD_ENV=(MILKRUN_DEMO_DATA=true MILKRUN_DEV_MAILBOX=true MILKRUN_LOG_LEVEL=WARN
  MILKRUN_RATE_LIMIT_PER_CLIENT=0 MILKRUN_RATE_LIMIT_PER_ACCOUNT=0 MILKRUN_FAILED_ATTEMPTS_PER_CLIENT=0
  MILKRUN_MAX_OPEN_COD_ORDERS=1000000 MILKRUN_MAX_UNITS_PER_PRODUCT=1000000 MILKRUN_BCRYPT_COST=4)

# wait_ready PORT PID [TIMEOUT_S]: waits until GET /products answers 200 (polls every 20 ms); fails if PID dies.
wait_ready() {
  python3 - "$1" "$2" "${3:-60}" <<'PY'
import os, sys, time, urllib.request
port, pid, timeout = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
deadline = time.time() + timeout
while time.time() < deadline:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/products", timeout=10) as r:
            if r.status == 200:
                sys.exit(0)
    except Exception:
        pass
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(f"the server (pid {pid}) exited before answering")
    time.sleep(0.02)
sys.exit(f"no 200 from GET /products on port {port} after {timeout:g} s")
PY
}

# free_port: prints a free TCP port on 127.0.0.1
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# stop_pid PID: SIGTERM, wait up to 20 s, then SIGKILL
stop_pid() {
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
