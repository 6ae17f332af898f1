package io.portage.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.standin.OdooStandin;
import io.portage.stack.PortageHome;
import io.vertx.mutiny.core.Vertx;

/**
 * The work of handing orders to Odoo (find or create the customer by {@code ref}, create the sale order, confirm it,
 * read its name and pickings), three ways in one run against one Odoo 18 stand-in costing what a real Odoo 18 on 2
 * cores costs (ODOO.md, "What a call costs": 7.6 orders/s one call at a time, 37.4 batched): one step per call, order
 * by order; batched by hand (one {@code search_read} of all refs, one {@code create} of the missing customers, one
 * {@code create} of all orders, one {@code action_confirm}, one {@code read}); and through Portage, orders POSTed to
 * the packaged order-service and released by its hand-over. Two orders per customer, new customers in every case.
 */
public final class OdooHandOverBenchmark {

    /** Every call (HTTP, authentication, a transaction): what ODOO.md's one-record calls have in common. */
    private static final Duration LATENCY = Duration.ofNanos(12_500_000);
    private static final Map<String, Duration[]> COSTS = new LinkedHashMap<>();
    static {
        COSTS.put("res.partner/search_read", new Duration[]{Duration.ofMillis(1), Duration.ZERO});
        COSTS.put("res.partner/create", new Duration[]{Duration.ofMillis(3), Duration.ofMillis(3)});
        COSTS.put("sale.order/create", new Duration[]{Duration.ofMillis(12), Duration.ofMillis(7)});
        COSTS.put("sale.order/action_confirm", new Duration[]{Duration.ofMillis(34), Duration.ofMillis(17)});
        COSTS.put("sale.order/read", new Duration[]{Duration.ofMillis(1), Duration.ofNanos(100_000)});
    }
    private static final int ORDERS_PER_CUSTOMER = 2;
    private static final int BATCH = 100;
    private static final String[][] COUNTED = {{"res.partner", "search"}, {"res.partner", "search_read"},
            {"res.partner", "create"}, {"res.partner", "read"}, {"sale.order", "search"}, {"sale.order", "search_read"},
            {"sale.order", "create"}, {"sale.order", "read"}, {"sale.order", "action_confirm"},
            {"product.product", "search_read"}, {"res.company", "read"}};

    private OdooHandOverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path work = PortageHome.locate().root().resolve("bench/odoo-hand-over");
        System.out.printf(Locale.ROOT, "Odoo hand-over: %d orders per case, %d per customer, %d cores%n", orders,
                ORDERS_PER_CUSTOMER, Runtime.getRuntime().availableProcessors());
        printCostModel();

        Vertx vertx = Vertx.vertx();
        try (OdooStandin odoo = OrderServiceRig.standin().build().start();
                OrderServiceRig rig = OrderServiceRig.start(work, odoo);
                OdooClient client = OdooClient.create(vertx, new ObjectMapper(),
                        OdooConnectorBenchmark.config(odoo.baseUrl(), false))) {
            OdooCalls calls = client.calls();
            List<Long> products = calls.search("product.product",
                    List.of(List.of("default_code", "in", List.of("PT-CHAIR-01", "PT-DESK-01"))), 0)
                    .await()
                    .indefinitely();
            rig.run("warm-up (no cost)", "bench-warm", orders, clients, ORDERS_PER_CUSTOMER);
            rig.vacuumAnalyze();
            odoo.faults().latency(LATENCY);
            COSTS.forEach((method, cost) -> odoo.faults()
                    .cost(method.split("/")[0], method.split("/")[1], cost[0],
                            cost[1]));

            List<String> rows = new ArrayList<>();
            int before = calls(odoo);
            double single = oneAtATime(calls, "single-" + run(), orders, products);
            int singleCalls = calls(odoo) - before;

            before = calls(odoo);
            double batched = batchedByHand(calls, "batched-" + run(), orders, products);
            rows.add(row("one step per call, order by order", orders, single, singleCalls, batched));
            rows.add(row("batched by hand (" + BATCH + " per call)", orders, batched, calls(odoo) - before, batched));

            before = calls(odoo);
            OrderServiceRig.Result portage = rig.run("Portage hand-over", "bench-" + run(), orders, clients,
                    ORDERS_PER_CUSTOMER);
            rows.add(row("Portage: POST -> hand-over -> released", orders, portage.releaseSeconds(),
                    calls(odoo) - before, batched));

            System.out.println();
            System.out.println("| how | orders | seconds | orders/s | Odoo calls | vs batched by hand |");
            System.out.println("|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "Portage intake -> release p50 %.0f ms, p99 %.0f ms%n",
                    Percentiles.of(portage.syncMillis(), 50), Percentiles.of(portage.syncMillis(), 99));
            System.out.println(rig.memory());
        } finally {
            vertx.closeAndAwait();
        }
        System.exit(0);
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static void printCostModel() {
        System.out.printf(Locale.ROOT, "Cost model (stand-in, 1 worker: calls take turns, as on Odoo with workers=0):"
                + " every call %.1f ms, plus per call / per record:", LATENCY.toNanos() / 1e6);
        COSTS.forEach((method, cost) -> System.out.printf(Locale.ROOT, " %s %.1f / %.1f ms;", method,
                cost[0].toNanos() / 1e6, cost[1].toNanos() / 1e6));
        System.out.println();
        System.out.println("  calibrated to ODOO.md: one order at a time 7.6 orders/s, batched 100 per call 37.4 orders/s"
                + " (with one new customer per two orders)");
    }

    /** Each order on its own: search_read the customer's ref, create it when missing, create, confirm, read. */
    private static double oneAtATime(OdooCalls calls, String run, int orders, List<Long> products) {
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            String ref = ref(run, i);
            List<JsonNode> found = calls.searchRead("res.partner", List.of(List.of("ref", "=", ref)), List.of("id"), 0,
                    1, "id").await().indefinitely();
            long partner = found.isEmpty()
                    ? calls.create("res.partner", customer(ref)).await().indefinitely()
                    : found.get(0).path("id").asLong();
            long order = calls.create("sale.order", order(run, i, partner, products)).await().indefinitely();
            calls.callOnRecords("sale.order", "action_confirm", List.of(order), Map.of()).await().indefinitely();
            calls.read("sale.order", List.of(order), List.of("name", "picking_ids")).await().indefinitely();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@link #BATCH} orders per round: one search_read, one create of the missing customers, one create, confirm, read. */
    private static double batchedByHand(OdooCalls calls, String run, int orders, List<Long> products) {
        long start = System.nanoTime();
        for (int from = 0; from < orders; from += BATCH) {
            int to = Math.min(orders, from + BATCH);
            Set<String> refs = new LinkedHashSet<>();
            for (int i = from; i < to; i++) {
                refs.add(ref(run, i));
            }
            Map<String, Long> partners = new LinkedHashMap<>();
            calls.searchRead("res.partner", List.of(List.of("ref", "in", List.copyOf(refs))), List.of("id", "ref"), 0, 0,
                    "id")
                    .await()
                    .indefinitely()
                    .forEach(row -> partners.putIfAbsent(row.path("ref").asText(),
                            row.path("id").asLong()));
            List<String> missing = refs.stream().filter(ref -> !partners.containsKey(ref)).toList();
            if (!missing.isEmpty()) {
                JsonNode ids = calls.execute("res.partner", "create",
                        List.of(missing.stream().map(OdooHandOverBenchmark::customer).toList()), Map.of())
                        .await()
                        .indefinitely();
                for (int m = 0; m < missing.size(); m++) {
                    partners.put(missing.get(m), ids.get(m).asLong());
                }
            }
            List<Map<String, Object>> values = new ArrayList<>();
            for (int i = from; i < to; i++) {
                values.add(order(run, i, partners.get(ref(run, i)), products));
            }
            JsonNode created = calls.execute("sale.order", "create", List.of(values), Map.of()).await().indefinitely();
            List<Long> ids = new ArrayList<>();
            created.forEach(id -> ids.add(id.asLong()));
            calls.callOnRecords("sale.order", "action_confirm", ids, Map.of()).await().indefinitely();
            calls.read("sale.order", ids, List.of("name", "picking_ids")).await().indefinitely();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String ref(String run, int order) {
        return "bench:" + run + "." + order / ORDERS_PER_CUSTOMER;
    }

    private static Map<String, Object> customer(String ref) {
        return Map.of("name", "Customer " + ref, "ref", ref, "email", ref.replace(':', '.') + "@example.com");
    }

    private static Map<String, Object> order(String run, int i, long partner, List<Long> products) {
        List<Object> lines = new ArrayList<>();
        for (int p = 0; p < products.size(); p++) {
            lines.add(List.of(0, 0, Map.of("product_id", products.get(p), "product_uom_qty", 2 - p)));
        }
        return Map.of("partner_id", partner, "client_order_ref", "bench:" + run + "-" + i, "order_line", lines);
    }

    private static String row(String how, int orders, double seconds, int calls, double batchedSeconds) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %d | %.0f %% |", how, orders, seconds,
                orders / seconds, calls, 100 * batchedSeconds / seconds);
    }

    private static int calls(OdooStandin standin) {
        int total = 0;
        for (String[] method : COUNTED) {
            total += standin.calls(method[0], method[1]);
        }
        return total;
    }
}
