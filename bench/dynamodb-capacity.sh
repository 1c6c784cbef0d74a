#!/usr/bin/env bash
# What one order costs on DynamoDB, in capacity units: MilkRun on the DynamoDB stores (against the local DynamoDB
# server, infra/local/dynamodb), demo data, N orders of 2 random lines placed one after the other by customers of
# their own; every DynamoDB call asks for its consumed capacity (ReturnConsumedCapacity=TOTAL, through the server's
# -Dmilkrun.dynamodb.capacity meter) and the report gives the read and write units per order, by operation, with
# what they cost on demand. The units are DynamoDB's published formulas as the local server computes them (item
# sizes rounded up to 1 KB for writes and 4 KB for reads, twice for transactions, strongly consistent reads).
#
#   bench/dynamodb-capacity.sh [-n ORDERS] [--env "MILKRUN_WORKFLOW_EAGER=false ..."]
#
#   -n ORDERS  orders placed and measured (default 200), after 20 warm-up orders
#   --env      extra server environment (e.g. MILKRUN_WORKFLOW_EAGER=false: the workflow's steps run on their own)
source "$(dirname "$0")/common.sh"

orders=200
extra_env=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) orders="$2"; shift 2 ;;
    --env) read -r -a extra_env <<<"$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

build_if_missing server
DYNAMO_DIR="$ROOT/infra/local/dynamodb"
[ -d "$DYNAMO_DIR/node_modules/dynalite" ] || (cd "$DYNAMO_DIR" && npm ci --no-audit --no-fund >/dev/null)

dynamo_port="$(free_port)"
node "$DYNAMO_DIR/server.js" --port "$dynamo_port" --createTableMs 0 --ignore-stdin >"$WORK/dynamodb.log" 2>&1 &
register_pid $!
for _ in $(seq 1 100); do grep -q "^listening" "$WORK/dynamodb.log" && break; sleep 0.1; done
grep -q "^listening" "$WORK/dynamodb.log" || { cat "$WORK/dynamodb.log" >&2; exit 1; }

server_port="$(free_port)"
env MILKRUN_PORT="$server_port" MILKRUN_STORE=dynamodb MILKRUN_DYNAMODB_ENDPOINT="http://127.0.0.1:$dynamo_port" \
  MILKRUN_DYNAMODB_CREATE_TABLES=true "${LOAD_ENV[@]}" "${extra_env[@]}" \
  "$JAVA" "${PRODUCT_FLAGS[@]}" -Dmilkrun.dynamodb.capacity="$WORK/capacity.txt" -jar "$SERVER_JAR" >"$WORK/server.log" 2>&1 &
server_pid=$!
register_pid "$server_pid"
wait_ready "$server_port" "$server_pid" 120 || { tail -30 "$WORK/server.log" >&2; exit 1; }

echo "MilkRun on DynamoDB (local server, dynalite $(node -p "require('$DYNAMO_DIR/node_modules/dynalite/package.json').version")), $(date -u +%FT%RZ), ${extra_env[*]:-default settings}"
python3 "$BENCH/dynamodb_capacity.py" --port "$server_port" --orders "$orders" --capacity "$WORK/capacity.txt" \
  --setup "$WORK/setup.json"
