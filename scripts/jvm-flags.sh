#!/usr/bin/env bash
# The server's JVM flags, in one place: run.sh starts the server with them and bench/ measures the server with them.
# Sourced (not run); sets the array MILKRUN_JVM_FLAGS.
#
# - Serial GC and a fixed 128 MB heap keep memory use independent of the host's RAM (about 220 MB resident after
#   10,000 requests, bench/memory.sh).
# - referencesPerCacheLine spares Jetty from starting JMX just to look up a memory layout constant.
# - Compiler threads: on fewer than 8 cores HotSpot starts 2 or 3 JIT compiler threads (1 for C2 on 2 cores). Under
#   load they share the cores with every request thread and database backend, so the queue of hot methods waiting
#   for C2 drains slowly and the server runs code not yet C2-compiled for a minute or more after a start. Up to 4 threads
#   (1 for C1, 3 for C2; HotSpot starts them only while its queue is long) cut the server's CPU per order 30 s
#   after a start on 2 cores from 1.2 to 0.7 ms, for ~120 ms more start-up and ~28 MB more memory (bench/README.md
#   "Results, 2026-12-06: JIT compiler threads"). More cores get HotSpot's own choice.
MILKRUN_JVM_FLAGS=(-XX:+UseSerialGC -Xmx128m -Dorg.eclipse.jetty.util.referencesPerCacheLine=16 -Xshare:auto)
if [ "$(nproc 2>/dev/null || echo 8)" -lt 8 ]; then
  MILKRUN_JVM_FLAGS+=(-XX:CICompilerCount=4)
fi
