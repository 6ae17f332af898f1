#!/usr/bin/env bash
# Runs a benchmark against the real services and servers and prints its numbers (never a pass/fail test).
# Benchmarks: outbox-inbox [events] [warm-up events, default = events]  (order-service's outbox relay -> Kafka -> shipment-service's inbox).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. scripts/lib/java-home.sh

case "${1:-help}" in
  outbox-inbox) main=io.portage.bench.OutboxToInboxBenchmark ;;
  *) sed -n '2,3p' "$0" | sed 's/^# //'; echo "Usage: scripts/bench.sh outbox-inbox [events] [warm-up events]"; exit 0 ;;
esac
shift
if [ ! -f bench/target/classpath.txt ] || [ -n "$(find bench/src order-service/src shipment-service/src event-kit/src -newer bench/target/classpath.txt -type f -print -quit)" ]; then
  ./mvnw -q install -DskipTests -pl bench -am
fi
exec java -Xmx256m -cp "$(ls bench/target/bench-*.jar):$(cat bench/target/classpath.txt)" "$main" "$@"
