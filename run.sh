#!/usr/bin/env bash
# Builds MilkRun if needed and starts it with demo data on http://localhost:8080 (MILKRUN_PORT to change it).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh

jar=server/target/milkrun-server.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src web/index.html web/package.json -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building MilkRun (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -q -B install -DskipTests
fi

mkdir -p data
# Class data sharing: the first start records the classes it loads, later starts map them in and start faster.
# A fixed heap keeps memory use independent of the host's RAM (about 190 MB resident under load, see bench/).
# referencesPerCacheLine spares Jetty from starting JMX just to look up a memory layout constant.
# MILKRUN_JAVA_OPTS adds or overrides JVM options.
# shellcheck disable=SC2086
exec java -XX:+UseSerialGC -Xmx128m -Dorg.eclipse.jetty.util.referencesPerCacheLine=16 \
  -Xshare:auto -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=data/milkrun-server.jsa \
  ${MILKRUN_JAVA_OPTS:-} -jar "$jar" "$@"
