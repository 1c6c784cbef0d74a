#!/usr/bin/env bash
# Lambda cold start: a fresh JVM per run constructs ApiGatewayHandler (no-arg constructor, config from env) and
# answers one API Gateway GET /products event (lambda/src/test/resources/events/get-products.json), with
# MILKRUN_STORE=memory and with H2 in-memory, both with demo data.
#
#   bench/lambda-cold-start.sh [-n RUNS] [--cds] [--no-key] [--no-dynamodb] [--flags "JVM FLAGS"]
#
#   -n RUNS     runs per case (default 7)
#   --cds       also run each case with an AppCDS archive made by a first run of that case (what shipping a
#               CDS archive with the function could give)
#   --no-key    skip the extra cases with a configured signing key (MILKRUN_JWT_PRIVATE_KEY_FILE; by default a
#               2048-bit key is made with openssl for them, so start-up does not generate one)
#   --no-dynamodb  skip the DynamoDB case (by default the local DynamoDB server, infra/local/dynamodb, is started
#               on a free port and the stores use it through the AWS SDK, as a function does with DynamoDB)
#   --flags F   JVM flags (default: what the Lambda Java 17/21 runtimes use:
#               "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto")
#
# LambdaColdStart.java and SdkFloor.java (the DynamoDB client alone, the floor under the DynamoDB cases) are compiled
# once into bench/target/lambda-cold-start.jar (source-file mode would count javac as start-up).
# Nothing leaves the machine. Takes about a minute with 7 runs.
source "$(dirname "$0")/common.sh"
build_if_missing

runs=7 cds=() key=1 dynamodb=1 flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --cds) cds=(--cds "$WORK/lambda.jsa"); shift ;;
    --no-key) key=0; shift ;;
    --no-dynamodb) dynamodb=0; shift ;;
    --flags) flags="$2"; shift 2 ;;
    *) echo "usage: $0 [-n RUNS] [--cds] [--no-key] [--flags \"JVM FLAGS\"]" >&2; exit 2 ;;
  esac
done

# Compiled into a jar: AppCDS archives only classes from jars, not from directories.
bench_jar="$BENCH/target/lambda-cold-start.jar"
if [ ! -f "$bench_jar" ] || [ "$BENCH/LambdaColdStart.java" -nt "$bench_jar" ] || [ "$BENCH/SdkFloor.java" -nt "$bench_jar" ] \
    || [ "$LAMBDA_JAR" -nt "$bench_jar" ]; then
  rm -rf "$BENCH/target/classes" && mkdir -p "$BENCH/target/classes"
  "$JAVA_HOME/bin/javac" --release 21 -cp "$LAMBDA_JAR" -d "$BENCH/target/classes" "$BENCH/LambdaColdStart.java" "$BENCH/SdkFloor.java"
  "$JAVA_HOME/bin/jar" --create --file "$bench_jar" -C "$BENCH/target/classes" .
fi

key_args=()
if [ "$key" = 1 ] && command -v openssl >/dev/null; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/signing-key.pem" 2>/dev/null
  key_args=(--key-file "$WORK/signing-key.pem")
fi

dynamo_args=()
if [ "$dynamodb" = 1 ]; then
  DYNAMO_DIR="$ROOT/infra/local/dynamodb"
  [ -d "$DYNAMO_DIR/node_modules/dynalite" ] || (cd "$DYNAMO_DIR" && npm ci --no-audit --no-fund >/dev/null)
  dynamo_port="$(free_port)"
  node "$DYNAMO_DIR/server.js" --port "$dynamo_port" --createTableMs 0 --ignore-stdin >"$WORK/dynamodb.log" 2>&1 &
  register_pid $!
  for _ in $(seq 1 100); do grep -q "^listening" "$WORK/dynamodb.log" && break; sleep 0.1; done
  dynamo_args=(--dynamodb-endpoint "http://127.0.0.1:$dynamo_port")
fi

echo "MilkRun Lambda cold start, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
python3 "$BENCH/lambda_cold_start.py" --java "$JAVA" --classpath "$LAMBDA_JAR:$bench_jar" \
  --event "$ROOT/lambda/src/test/resources/events/get-products.json" --runs "$runs" --flags "$flags" "${cds[@]}" "${key_args[@]}" "${dynamo_args[@]}"
