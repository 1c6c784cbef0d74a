#!/usr/bin/env bash
# Runs every test of MilkRun: unit, contract (in-memory, H2, PostgreSQL), API (local server and Lambda), SMTP and browser tests.
# PostgreSQL must listen on 127.0.0.1:5432 (MILKRUN_TEST_PG_URL to change it) and Chromium with chromedriver must be
# installed for the browser tests; without them those tests are skipped locally and fail under CI=true.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
exec ./mvnw -B install "$@"
