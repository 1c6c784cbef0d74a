#!/usr/bin/env bash
# Builds MilkRun if needed and starts it with demo data and the dev mailbox on http://localhost:8080 (MILKRUN_PORT to
# change it).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
source scripts/jvm-flags.sh

jar=server/target/milkrun-server.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src web/index.html web/package.json -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building MilkRun (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -q -B install -DskipTests
fi

mkdir -p data
# The jar's defaults are safe for a deployment (no demo accounts, no dev mailbox); trying MilkRun locally wants both.
# Set either to false to run without it.
export MILKRUN_DEMO_DATA="${MILKRUN_DEMO_DATA:-true}"
export MILKRUN_DEV_MAILBOX="${MILKRUN_DEV_MAILBOX:-true}"
# The JVM flags are scripts/jvm-flags.sh's (heap, GC, compiler threads). Class data sharing: the first start records
# the classes it loads, later starts map them in and start faster. MILKRUN_JAVA_OPTS adds or overrides JVM options.
# shellcheck disable=SC2086
exec java "${MILKRUN_JVM_FLAGS[@]}" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=data/milkrun-server.jsa \
  ${MILKRUN_JAVA_OPTS:-} -jar "$jar" "$@"
