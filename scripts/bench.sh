#!/usr/bin/env bash
# Runs a benchmark against the real services and servers and prints its numbers (never a pass/fail test).
# Benchmarks: outbox-inbox [events] [warm-up events, default = events]  (order-service's outbox relay -> Kafka -> shipment-service's inbox).
#             odoo [orders, default 100] [picking updates per case, default 200]  (odoo-connector, single vs batched, against the Odoo stand-in).
#             odoo-hand-over [orders, default 200] [clients, default 16]  (one call at a time vs batched by hand vs Portage's hand-over, one Odoo 18 cost model).
#             order-intake [orders, default 2000] [clients, default 16] [warm-up orders, default = orders]  (order-service: POST /api/v1/orders -> Odoo stand-in -> released).
#             gateway [seconds per path and round, default 10] [connections, default 8] [rounds, default 3]  (the same read direct, through nginx and through the gateway, side by side with wrk; needs nginx and wrk).
#             yard-scans [visits, default 5000]  (gate, yard and dock scans from Kafka applied by yard-service, six per visit).
#             x12 [transaction sets per file, default 1000] [rounds, default 10]  (edi-gateway: 940s and 856s written, 945s read + 997, in one thread).
#             carrier-invoice-audit [lines, default 10000]  (finance-service: a carrier invoice file imported, audited, billed in the Odoo stand-in, its report read).
#             shipment-tracking [trackers, default 2500] [warm-up rounds at most, default 10]  (EDI-only carriers' X12 214 statuses from Kafka applied by shipment-service, four per tracker, after warm-up rounds until its JIT has settled).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. scripts/lib/java-home.sh

case "${1:-help}" in
  outbox-inbox) main=io.portage.bench.OutboxToInboxBenchmark ;;
  odoo) main=io.portage.bench.OdooConnectorBenchmark ;;
  odoo-hand-over) main=io.portage.bench.OdooHandOverBenchmark ;;
  order-intake) main=io.portage.bench.OrderIntakeBenchmark ;;
  gateway) main=io.portage.bench.GatewayBenchmark ;;
  yard-scans) main=io.portage.bench.YardScansBenchmark ;;
  x12) main=io.portage.bench.X12Benchmark ;;
  carrier-invoice-audit) main=io.portage.bench.CarrierInvoiceAuditBenchmark ;;
  shipment-tracking) main=io.portage.bench.ShipmentTrackingBenchmark ;;
  *) sed -n '2,11p' "$0" | sed 's/^# //'; echo "Usage: scripts/bench.sh outbox-inbox [events] [warm-up events]"
     echo "       scripts/bench.sh odoo [orders] [picking updates]"
     echo "       scripts/bench.sh odoo-hand-over [orders] [clients]"
     echo "       scripts/bench.sh order-intake [orders] [clients] [warm-up orders]"
     echo "       scripts/bench.sh gateway [seconds] [connections] [rounds]"
     echo "       scripts/bench.sh yard-scans [visits]"
     echo "       scripts/bench.sh x12 [sets per file] [rounds]"
     echo "       scripts/bench.sh carrier-invoice-audit [lines]"
     echo "       scripts/bench.sh shipment-tracking [trackers] [warm-up rounds]"; exit 0 ;;
esac
shift
if [ ! -f bench/target/classpath.txt ] || [ -n "$(find bench/src gateway/src order-service/src shipment-service/src yard-service/src finance-service/src edi-gateway/src event-kit/src odoo-connector/src odoo-standin/src -newer bench/target/classpath.txt -type f -print -quit)" ]; then
  ./mvnw -q package -DskipTests -pl bench -am
fi
exec java -Xmx256m -cp "$(ls bench/target/bench-*.jar):$(cat bench/target/classpath.txt)" "$main" "$@"
