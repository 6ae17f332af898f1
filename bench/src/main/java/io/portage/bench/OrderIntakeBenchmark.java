package io.portage.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.portage.odoo.standin.OdooStandin;
import io.portage.stack.PortageHome;

/**
 * Orders through the real order-service from intake to release: concurrent clients POST {@code /api/v1/orders} (what
 * the partner waits for: the order stored and checked, its events in the outbox), and the hand-over queue creates and
 * confirms each in the Odoo 18 stand-in and releases it ({@code io.portage.order.released.v2}). Prints orders/s
 * accepted with the POST latency p50/p99, and orders/s released with the intake-to-release latency p50/p99 (the
 * order's own {@code received_at} and {@code released_at}). Two Odoo cases: the stand-in answering at once (Portage's
 * own cost) and the stand-in costing what a real Odoo 18 on 2 cores costs (ODOO.md, as in OdooConnectorBenchmark).
 * PostgreSQL and Kafka run as processes (the stack), order-service as its packaged JVM with deployed JVM options, the
 * stand-in inside this JVM.
 */
public final class OrderIntakeBenchmark {

    private OrderIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : orders;
        Path work = PortageHome.locate().root().resolve("bench/order-intake");
        System.out.printf(Locale.ROOT, "Order intake -> Odoo -> release: %d orders per case (after %d warm-up), %d"
                + " concurrent clients, %d cores%n", orders, warmup, clients, Runtime.getRuntime().availableProcessors());

        try (OdooStandin odoo = OrderServiceRig.standin().build().start();
                OrderServiceRig rig = OrderServiceRig.start(work, odoo)) {
            rig.run("warm-up", "bench-warm", warmup, clients, 1);
            rig.vacuumAnalyze();
            OrderServiceRig.Result free = rig.run("measured, stand-in without cost", "bench-free", orders, clients, 1);

            odoo.faults().latency(Duration.ofNanos(12_500_000));
            odoo.faults().cost("sale.order", "create", Duration.ofMillis(30), Duration.ofMillis(10));
            odoo.faults().cost("sale.order", "action_confirm", Duration.ofMillis(78), Duration.ofMillis(32));
            OrderServiceRig.Result costed = rig.run("measured, stand-in costing as Odoo 18 (2 cores)", "bench-odoo18",
                    orders, clients, 1);

            System.out.println();
            System.out.println("| Odoo | accepted (POST) | POST p50 / p99 | released | intake -> release p50 / p99 |");
            System.out.println("|---|---|---|---|---|");
            print("stand-in, no cost", free);
            print("stand-in, Odoo 18 cost model", costed);
            System.out.println(rig.memory());
        }
    }

    private static void print(String label, OrderServiceRig.Result result) {
        System.out.printf(Locale.ROOT, "| %s | %.0f orders/s | %.1f / %.1f ms | %.0f orders/s | %.0f / %.0f ms |%n",
                label, result.orders() / result.acceptSeconds(), Percentiles.of(result.postMillis(), 50),
                Percentiles.of(result.postMillis(), 99), result.orders() / result.releaseSeconds(),
                Percentiles.of(result.syncMillis(), 50), Percentiles.of(result.syncMillis(), 99));
    }
}
