package io.portage.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.OdooConfig;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.OrderLine;
import io.portage.odoo.connector.ops.OrderRequest;
import io.portage.odoo.connector.ops.OrderResult;
import io.portage.odoo.connector.ops.PartnerRef;
import io.portage.odoo.connector.ops.ProductRef;
import io.portage.odoo.standin.OdooStandin;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Orders and picking updates per second through the odoo-connector's typed operations against an in-process Odoo 18
 * stand-in that costs what a real Odoo 18 on 2 cores costs per call and per record (ODOO.md, "What a call costs"),
 * one caller's request per call (batching off) against batched and coalesced calls; prints the Odoo calls made and
 * those saved against a client that makes one call per record.
 */
public final class OdooConnectorBenchmark {

    /** Every call: what one picking write of one record costs on the real server (79 writes/s). */
    private static final Duration LATENCY = Duration.ofNanos(12_500_000);
    private static final Duration CREATE_PER_CALL = Duration.ofMillis(30);
    private static final Duration CREATE_PER_RECORD = Duration.ofMillis(10);
    private static final Duration CONFIRM_PER_CALL = Duration.ofMillis(78);
    private static final Duration CONFIRM_PER_RECORD = Duration.ofMillis(32);
    private static final Duration WRITE_PER_RECORD = Duration.ofNanos(135_000);
    /** Callers with an operation in flight at once (what a service consuming a topic would have). */
    private static final int IN_FLIGHT = 64;
    /** What the connector's one-order-per-call path makes: search, create, read, action_confirm, read. */
    private static final int CALLS_PER_ORDER = 5;
    /** What one picking update makes alone: write, read. */
    private static final int CALLS_PER_PICKING_UPDATE = 2;
    private static final String[][] COUNTED = {{"sale.order", "search"}, {"sale.order", "search_read"},
            {"sale.order", "create"}, {"sale.order", "read"}, {"sale.order", "action_confirm"},
            {"stock.picking", "write"}, {"stock.picking", "read"}};

    private OdooConnectorBenchmark() {
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf(Locale.ROOT, "Odoo connector against the Odoo 18 stand-in: %d orders, %d picking updates per"
                + " case, %d callers in flight, %d cores%n", orders, updates, IN_FLIGHT,
                Runtime.getRuntime().availableProcessors());
        printCostModel();

        Vertx vertx = Vertx.vertx();
        try {
            List<String> rows = new ArrayList<>();
            for (boolean batched : new boolean[]{false, true}) {
                rows.addAll(run(vertx, batched, orders, updates));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-9s %-34s %8s %9s %12s %9s %7s %6s%n", "mode", "case", "requests",
                    "seconds", "per second", "calls", "1-per", "saved");
            rows.forEach(System.out::println);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        } finally {
            vertx.closeAndAwait();
        }
        // The stand-in's and the fault-tolerance timer's threads would keep the JVM up.
        System.exit(0);
    }

    private static void printCostModel() {
        System.out.println("Cost model (stand-in, 1 worker: calls take turns, as on Odoo with workers=0):");
        System.out.printf(Locale.ROOT, "  every call %.1f ms; sale.order create +%d ms per call +%d ms per order;"
                + " action_confirm +%d ms per call +%d ms per order; stock.picking write +%.3f ms per picking%n",
                ms(LATENCY), CREATE_PER_CALL.toMillis(), CREATE_PER_RECORD.toMillis(), CONFIRM_PER_CALL.toMillis(),
                CONFIRM_PER_RECORD.toMillis(), ms(WRITE_PER_RECORD));
        double single = 2 * ms(LATENCY) + ms(CREATE_PER_CALL) + ms(CONFIRM_PER_CALL) + ms(CREATE_PER_RECORD)
                + ms(CONFIRM_PER_RECORD);
        double hundred = 2 * ms(LATENCY) + ms(CREATE_PER_CALL) + ms(CONFIRM_PER_CALL)
                + 100 * (ms(CREATE_PER_RECORD) + ms(CONFIRM_PER_RECORD));
        double write = ms(LATENCY) + ms(WRITE_PER_RECORD);
        double write100 = ms(LATENCY) + 100 * ms(WRITE_PER_RECORD);
        System.out.printf(Locale.ROOT, "  => create + confirm of 1 order %.1f ms (%.1f orders/s; real 5.7), of 100 in one"
                + " call each %.0f ms (%.1f orders/s; real 23.1); one picking write %.1f ms (%.0f/s; real 79), 100 ids"
                + " in one write %.1f ms (real about 26)%n", single, 1000 / single, hundred, 100_000 / hundred, write,
                1000 / write, write100);
    }

    private static List<String> run(Vertx vertx, boolean batched, int orders, int updates) {
        String mode = batched ? "batched" : "single";
        List<String> rows = new ArrayList<>();
        try (OdooStandin standin = OdooStandin.builder().version("18.0").workers(1).build().start();
                OdooClient client = OdooClient.create(vertx, new ObjectMapper(), config(standin.baseUrl(), batched))) {
            OdooOperations ops = new OdooOperations(client);
            long partner = ops.findOrCreatePartner(new PartnerRef("CUST-BENCH", "Bench Co", null, true))
                    .await()
                    .indefinitely();
            long product = ops.findOrCreateProduct(new ProductRef("SKU-BENCH", "Pallet", true)).await().indefinitely();
            // Pickings to update, made before the costs apply.
            List<Long> pickings = measure(updates, i -> ops.createAndConfirmOrder(order("SETUP-" + i, partner, product))
                    .map(order -> order.pickingIds().get(0))).results();

            standin.faults().latency(LATENCY);
            standin.faults().cost("sale.order", "create", CREATE_PER_CALL, CREATE_PER_RECORD);
            standin.faults().cost("sale.order", "action_confirm", CONFIRM_PER_CALL, CONFIRM_PER_RECORD);
            standin.faults().cost("stock.picking", "write", Duration.ZERO, WRITE_PER_RECORD);

            int before = calls(standin);
            Run<OrderResult> made = measure(orders, i -> ops.createAndConfirmOrder(order("BENCH-" + i, partner,
                    product)));
            rows.add(row(mode, "orders created + confirmed", made, calls(standin) - before, orders * CALLS_PER_ORDER));

            before = calls(standin);
            Run<Object> own = measure(updates, i -> ops.updatePicking(pickings.get(i), "TRK-" + i, null)
                    .map(p -> (Object) p));
            rows.add(row(mode, "picking updates, own values", own, calls(standin) - before,
                    updates * CALLS_PER_PICKING_UPDATE));

            Instant wave = Instant.parse("2026-11-24T06:00:00Z");
            before = calls(standin);
            Run<Object> same = measure(updates, i -> ops.updatePicking(pickings.get(i), null, wave)
                    .map(p -> (Object) p));
            rows.add(row(mode, "picking updates, same values", same, calls(standin) - before,
                    updates * CALLS_PER_PICKING_UPDATE));

            before = calls(standin);
            Run<Object> coalesced = measure(updates, i -> ops.updatePicking(pickings.get(i / 4),
                    "TRK-" + (i / 4) + "-" + (i % 4), null).map(p -> (Object) p));
            rows.add(row(mode, "picking updates, 4 per picking", coalesced, calls(standin) - before,
                    updates * CALLS_PER_PICKING_UPDATE));

            long madeOrders = standin.records("sale.order")
                    .stream()
                    .filter(r -> String.valueOf(r.get("client_order_ref")).startsWith("BENCH-")
                            && "sale".equals(r.get("state")))
                    .count();
            if (madeOrders != orders) {
                throw new IllegalStateException(mode + ": " + madeOrders + " confirmed orders in Odoo, expected " + orders);
            }
            for (int p = 0; p < (updates + 3) / 4; p++) {
                long id = pickings.get(p);
                Object ref = standin.records("stock.picking")
                        .stream()
                        .filter(r -> String.valueOf(r.get("id")).equals(String.valueOf(id)))
                        .findFirst()
                        .map(r -> r.get("carrier_tracking_ref"))
                        .orElse(null);
                int last = Math.min(3, updates - 1 - 4 * p);
                if (!("TRK-" + p + "-" + last).equals(ref)) {
                    throw new IllegalStateException(mode + ": picking " + id + " has " + ref + ", not the newest value");
                }
            }
        }
        return rows;
    }

    private record Run<T>(List<T> results, Duration took, int failures) {
    }

    /** Runs {@code count} operations with at most {@link #IN_FLIGHT} in flight; results in completion order. */
    private static <T> Run<T> measure(int count, IntFunction<Uni<T>> operation) {
        long start = System.nanoTime();
        List<Object> outcomes = Multi.createFrom()
                .range(0, count)
                .onItem()
                .transformToUni(i -> operation.apply(i).map(r -> (Object) r).onFailure().recoverWithItem(f -> f))
                .merge(IN_FLIGHT)
                .collect()
                .asList()
                .await()
                .indefinitely();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<T> results = new ArrayList<>();
        int failures = 0;
        for (Object outcome : outcomes) {
            if (outcome instanceof Throwable failure) {
                if (failures++ == 0) {
                    System.out.println("  first failure: " + failure);
                }
            } else {
                @SuppressWarnings("unchecked")
                T result = (T) outcome;
                results.add(result);
            }
        }
        return new Run<>(results, took, failures);
    }

    private static String row(String mode, String what, Run<?> run, int calls, int onePerRecord) {
        double seconds = run.took().toNanos() / 1e9;
        int done = run.results().size();
        return String.format(Locale.ROOT, "%-9s %-34s %8d %9.2f %12.1f %9d %7d %5.0f%%%s", mode, what, done, seconds,
                done / seconds, calls, onePerRecord, 100.0 * (onePerRecord - calls) / onePerRecord,
                run.failures() > 0 ? "  (" + run.failures() + " failed)" : "");
    }

    private static int calls(OdooStandin standin) {
        int total = 0;
        for (String[] method : COUNTED) {
            total += standin.calls(method[0], method[1]);
        }
        return total;
    }

    private static OrderRequest order(String ref, long partner, long product) {
        return new OrderRequest(ref, partner, List.of(new OrderLine(product, BigDecimal.ONE, null)));
    }

    private static double ms(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    static OdooConfig config(String url, boolean batched) {
        return new OdooConfig() {

            @Override
            public String url() {
                return url;
            }

            @Override
            public String database() {
                return "portage";
            }

            @Override
            public Optional<String> login() {
                return Optional.of("bot");
            }

            @Override
            public Optional<String> password() {
                return Optional.of("bot-password");
            }

            @Override
            public Optional<String> apiKey() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> apiKeyFile() {
                return Optional.empty();
            }

            @Override
            public Protocol protocol() {
                return Protocol.JSON_RPC;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(60);
            }

            @Override
            public String userAgent() {
                return "portage-bench";
            }

            @Override
            public int pageSize() {
                return 200;
            }

            @Override
            public Retry retry() {
                return new Retry() {

                    @Override
                    public int maxRetries() {
                        return 3;
                    }

                    @Override
                    public Duration delay() {
                        return Duration.ofMillis(200);
                    }

                    @Override
                    public Duration maxDelay() {
                        return Duration.ofSeconds(5);
                    }

                    @Override
                    public Duration jitter() {
                        return Duration.ofMillis(100);
                    }

                    @Override
                    public Duration maxDuration() {
                        return Duration.ofSeconds(300);
                    }
                };
            }

            @Override
            public CircuitBreaker circuitBreaker() {
                return new CircuitBreaker() {

                    @Override
                    public int requestVolumeThreshold() {
                        return 10;
                    }

                    @Override
                    public double failureRatio() {
                        return 0.5;
                    }

                    @Override
                    public Duration delay() {
                        return Duration.ofSeconds(10);
                    }

                    @Override
                    public int successThreshold() {
                        return 1;
                    }
                };
            }

            @Override
            public Bulkhead bulkhead() {
                return new Bulkhead() {

                    @Override
                    public int limit() {
                        return 4;
                    }

                    @Override
                    public int queueSize() {
                        return 64;
                    }
                };
            }

            @Override
            public Batch batch() {
                return new Batch() {

                    @Override
                    public boolean enabled() {
                        return batched;
                    }

                    @Override
                    public int maxSize() {
                        return 100;
                    }

                    @Override
                    public Duration maxDelay() {
                        return Duration.ofMillis(50);
                    }
                };
            }
        };
    }
}
