#!/usr/bin/env bash
# Prints the edge-agent's numbers (never a pass/fail test): start-up, durable ingest (single, batched), forwarding, RSS.
# Usage: edge-agent/bench.sh agent          the packaged agent over HTTP, forwarding to an in-process stand-in gateway
#        edge-agent/bench.sh drain [events] [edge-ids]  a backlog (default 1,000,000; random ids as scanners send them,
#                                    or ids assigned at the edge) drained through the forwarder; heap after GC
# BENCH_SKIP_BUILD=1 runs what was built last. EDGE_JAVA_OPTS sets the agent's JVM options (default: those of the systemd unit).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
case "${1:-help}" in
  agent|drain) ;;
  *) sed -n '2,6p' "$0" | sed 's/^# //'; exit 0 ;;
esac
if [ -f scripts/lib/java-home.sh ]; then . scripts/lib/java-home.sh; fi
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
./mvnw -q -o package -pl edge-agent -DskipTests
./mvnw -q -o dependency:build-classpath -pl edge-agent -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export EDGE_JAVA_OPTS=${EDGE_JAVA_OPTS:-"-XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=32m -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1"}
cp="edge-agent/target/test-classes:edge-agent/target/classes:$(cat edge-agent/target/bench-classpath.txt)"
if [ "$1" = drain ]; then
  exec java -Xmx256m -XX:+UseSerialGC -cp "$cp" io.portage.edge.EdgeBenchmark drain "${2:-1000000}" "${3:-random-ids}"
fi
exec java -Xmx256m -cp "$cp" io.portage.edge.EdgeBenchmark agent edge-agent/target/quarkus-app/quarkus-run.jar
