#!/usr/bin/env bash
# Cold start of the local server: process start -> first HTTP 200 of GET /products, on an existing H2 database (a)
# and an empty one (b), with and without the AppCDS archive of run.sh, against a bare `java -version`.
#
#   bench/cold-start.sh [-n RUNS] [--profile] [--no-aot] [--flags "JVM FLAGS"]
#
#   -n RUNS      runs per case (default 7); median, min and max are printed
#   --profile    afterwards, one start of (a) without and with AppCDS under -Xlog:class+load: the start-up phases
#                (from when each phase's first class loads) and the classes loaded per library
#   --no-aot     skip the extra cases with a JDK 25 AOT cache (JEP 514/515; only on JDK 25+), the successor of
#                AppCDS: -XX:AOTCacheOutput=<file> on a training start, -XX:AOTCache=<file> afterwards
#   --flags F    JVM flags of every server start (default: run.sh's, from scripts/jvm-flags.sh)
#
# Only 127.0.0.1 is used. Takes about 2-3 minutes with 7 runs.
source "$(dirname "$0")/common.sh"
build_if_missing

runs=7 profile=() aot=(--aot) flags="${PRODUCT_FLAGS[*]}"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --profile) profile=(--profile); shift ;;
    --no-aot) aot=(); shift ;;
    --flags) flags="$2"; shift 2 ;;
    *) echo "usage: $0 [-n RUNS] [--profile] [--no-aot] [--flags \"JVM FLAGS\"]" >&2; exit 2 ;;
  esac
done

[ "$(java_major "$JAVA_HOME")" -ge 25 ] || aot=()

echo "MilkRun cold start, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
python3 "$BENCH/cold_start.py" --java "$JAVA" --jar "$SERVER_JAR" --work "$WORK" --runs "$runs" \
  --flags "$flags" "${profile[@]}" "${aot[@]}"
