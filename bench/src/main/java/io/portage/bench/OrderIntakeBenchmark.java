package io.portage.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.portage.odoo.standin.OdooStandin;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.PostgresServer;
import io.portage.stack.QuarkusService;

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

    private static final String ODOO_DATABASE = "portage";
    private static final String ODOO_LOGIN = "bot";
    private static final String ODOO_API_KEY = "bench-odoo-key";
    private static final String BODY = """
            {"channel":"%s","externalId":"%s","customer":{"name":"Ada Lovelace %d","email":"ada.%d@example.com",\
            "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},\
            "lines":[{"sku":"PT-CHAIR-01","quantity":2},{"sku":"PT-DESK-01","quantity":1}]}""";

    private OrderIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : orders;
        Path work = PortageHome.locate().root().resolve("bench/order-intake");
        Path checkout = PortageHome.locate().checkout();
        System.out.printf(Locale.ROOT, "Order intake -> Odoo -> release: %d orders per case (after %d warm-up), %d"
                + " concurrent clients, %d cores%n", orders, warmup, clients, Runtime.getRuntime().availableProcessors());

        try (OdooStandin odoo = OdooStandin.builder()
                .version("18.0")
                .database(ODOO_DATABASE)
                .user(ODOO_LOGIN, "bench-password")
                .apiKey(ODOO_API_KEY)
                .workers(1)
                .build()
                .start();
                LocalStack stack = LocalStack.forTests(work.resolve("stack"), true).start(List.of("orders"))) {
            String issuer = stack.keycloak().orElseThrow().issuer();
            QuarkusService service = new QuarkusService("order-service", checkout, Ports.free()).withStack(stack, "orders")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED)
                    .with("quarkus.oidc.auth-server-url", issuer)
                    .with("portage.odoo.url", odoo.baseUrl())
                    .with("portage.odoo.database", ODOO_DATABASE)
                    .with("portage.odoo.login", ODOO_LOGIN)
                    .with("portage.odoo.api-key", ODOO_API_KEY)
                    .with("portage.odoo.sync.enabled", "true")
                    .with("portage.odoo.sync.interval", "1h")
                    .with("quarkus.log.level", "WARN");
            ManagedProcess process = service.start(work.resolve("services"), false, Duration.ofSeconds(120));
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // An importer's token (the operations client): it submits for the orders' own channels.
                String token = Tokens.clientCredentials(http, issuer, "portage-ops", "portage-ops-dev-secret");
                // Load the product cache once, as change capture does when it starts polling.
                http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/ops/odoo-sync/poll"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.discarding());
                PostgresServer postgres = stack.postgres();

                run(http, issuer, service, postgres, "warm-up", "bench-warm", warmup, clients);
                vacuumAnalyze(postgres);
                Result free = run(http, issuer, service, postgres, "measured, stand-in without cost", "bench-free", orders,
                        clients);

                odoo.faults().latency(Duration.ofNanos(12_500_000));
                odoo.faults().cost("sale.order", "create", Duration.ofMillis(30), Duration.ofMillis(10));
                odoo.faults().cost("sale.order", "action_confirm", Duration.ofMillis(78), Duration.ofMillis(32));
                Result costed = run(http, issuer, service, postgres, "measured, stand-in costing as Odoo 18 (2 cores)",
                        "bench-odoo18", orders, clients);

                System.out.println();
                System.out.println("| Odoo | accepted (POST) | POST p50 / p99 | released | intake -> release p50 / p99 |");
                System.out.println("|---|---|---|---|---|");
                print("stand-in, no cost", free);
                print("stand-in, Odoo 18 cost model", costed);
                System.out.printf("Memory after the runs (PSS): %s %d MB", process.name(), process.residentKib() / 1024);
                for (ManagedProcess server : stack.processes()) {
                    System.out.printf(", %s %d MB", server.name(), server.residentKib() / 1024);
                }
                System.out.println();
            } finally {
                process.stop(Duration.ofSeconds(15));
            }
        }
    }

    record Result(int orders, double acceptSeconds, double[] postMillis, double releaseSeconds, double[] syncMillis) {
    }

    private static void print(String label, Result result) {
        System.out.printf(Locale.ROOT, "| %s | %.0f orders/s | %.1f / %.1f ms | %.0f orders/s | %.0f / %.0f ms |%n",
                label, result.orders() / result.acceptSeconds(), Percentiles.of(result.postMillis(), 50),
                Percentiles.of(result.postMillis(), 99), result.orders() / result.releaseSeconds(),
                Percentiles.of(result.syncMillis(), 50), Percentiles.of(result.syncMillis(), 99));
    }

    private static Result run(HttpClient http, String issuer, QuarkusService service, PostgresServer postgres,
            String label, String channel, int orders, int clients) throws Exception {
        URI intake = URI.create(service.baseUrl() + "/api/v1/orders");
        // A fresh token per run: Keycloak's last 5 minutes, a run with Odoo's cost can take longer.
        String token = Tokens.clientCredentials(http, issuer, "portage-ops", "portage-ops-dev-secret");
        double[] latencies = new double[orders];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(intake)
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        BODY.formatted(channel, run + "-" + i, i, i)))
                                .build();
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies[i] = (System.nanoTime() - sent) / 1e6;
                            if (response.statusCode() != 201 || !response.body().contains("\"ACCEPTED\"")) {
                                failures.incrementAndGet();
                                System.err.println("Order " + i + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            System.err.println("Order " + i + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double accepted = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(label + ": " + failures.get() + " orders not accepted");
        }
        double released = -1;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("orders"), PostgresServer.USER, "")) {
            while (System.nanoTime() < deadline) {
                Thread.sleep(200);
                long done = count(db, "select count(*) from orders.customer_order where channel = '" + channel
                        + "' and external_id like '" + run + "-%' and status = 'RELEASED'");
                if (done >= orders) {
                    released = (System.nanoTime() - start) / 1e9;
                    break;
                }
            }
            if (released < 0) {
                throw new IllegalStateException(label + ": not all orders released within 15 minutes");
            }
            double[] sync = syncMillis(db, channel, run, orders);
            System.out.printf(Locale.ROOT, "%-50s %5d orders: accepted in %6.2f s, all released after %6.2f s%n",
                    label, orders, accepted, released);
            return new Result(orders, accepted, latencies, released, sync);
        }
    }

    private static double[] syncMillis(Connection db, String channel, String run, int orders) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select extract(epoch from (released_at - received_at)) * 1000 from orders.customer_order
                where channel = ? and external_id like ?""")) {
            query.setString(1, channel);
            query.setString(2, run + "-%");
            double[] millis = new double[orders];
            int i = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && i < orders) {
                    millis[i++] = rows.getDouble(1);
                }
            }
            return Arrays.copyOf(millis, i);
        }
    }

    private static void vacuumAnalyze(PostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), PostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
