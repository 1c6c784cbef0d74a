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
exec java -XX:+UseSerialGC -Xshare:auto -XX:+AutoCreateSharedArchive \
  -XX:SharedArchiveFile=data/milkrun-server.jsa -jar "$jar" "$@"
