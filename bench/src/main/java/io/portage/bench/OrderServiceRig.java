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
 * The packaged order-service with its deployed JVM options on a stack of its own (PostgreSQL, Kafka, Keycloak as
 * processes), pointed at an Odoo stand-in in the benchmark's JVM: concurrent clients POST {@code /api/v1/orders} and
 * the rig waits until the hand-over has released every order, reading the orders' own {@code received_at} and
 * {@code released_at}. Shared by the order-intake and Odoo hand-over benchmarks.
 */
final class OrderServiceRig implements AutoCloseable {

    static final String ODOO_DATABASE = "portage";
    static final String ODOO_LOGIN = "bot";
    static final String ODOO_API_KEY = "bench-odoo-key";
    private static final String BODY = """
            {"channel":"%s","externalId":"%s","customer":{"name":"Ada Lovelace %d","email":"ada.%s@example.com",\
            "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},\
            "lines":[{"sku":"PT-CHAIR-01","quantity":2},{"sku":"PT-DESK-01","quantity":1}]}""";

    /** One run: orders accepted over HTTP and released through Odoo, with their latencies. */
    record Result(int orders, double acceptSeconds, double[] postMillis, double releaseSeconds, double[] syncMillis) {
    }

    private final LocalStack stack;
    private final QuarkusService service;
    private final ManagedProcess process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String issuer;

    private OrderServiceRig(LocalStack stack, QuarkusService service, ManagedProcess process) {
        this.stack = stack;
        this.service = service;
        this.process = process;
        this.issuer = stack.keycloak().orElseThrow().issuer();
    }

    /** A standin built for the rig: Odoo 18.0 with the rig's credentials and one worker (calls take turns). */
    static OdooStandin.Builder standin() {
        return OdooStandin.builder()
                .version("18.0")
                .database(ODOO_DATABASE)
                .user(ODOO_LOGIN, "bot-password")
                .apiKey(ODOO_API_KEY)
                .workers(1);
    }

    /** Starts the stack and order-service under {@code work}, and loads its master-data cache from {@code odoo}. */
    static OrderServiceRig start(Path work, OdooStandin odoo) throws Exception {
        LocalStack stack = LocalStack.forTests(work.resolve("stack"), true).start(List.of("orders"));
        try {
            QuarkusService service = new QuarkusService("order-service", PortageHome.locate().checkout(), Ports.free())
                    .withStack(stack, "orders")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED)
                    .with("quarkus.oidc.auth-server-url", stack.keycloak().orElseThrow().issuer())
                    .with("portage.odoo.url", odoo.baseUrl())
                    .with("portage.odoo.database", ODOO_DATABASE)
                    .with("portage.odoo.login", ODOO_LOGIN)
                    .with("portage.odoo.api-key", ODOO_API_KEY)
                    .with("portage.odoo.sync.enabled", "true")
                    .with("portage.odoo.sync.interval", "1h")
                    .with("quarkus.log.level", "WARN");
            ManagedProcess process = service.start(work.resolve("services"), false, Duration.ofSeconds(120));
            OrderServiceRig rig = new OrderServiceRig(stack, service, process);
            // Load the product cache once, as change capture does when it starts polling.
            rig.http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/ops/odoo-sync/poll"))
                    .header("Authorization", "Bearer " + rig.token())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
            return rig;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** An importer's token (the operations client): it submits for the orders' own channels. */
    private String token() throws Exception {
        return Tokens.clientCredentials(http, issuer, "portage-ops", "portage-ops-dev-secret");
    }

    void vacuumAnalyze() throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl("orders"), PostgresServer.USER,
                "");
                Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
    }

    /** Memory of order-service and the stack's servers (PSS), for the record. */
    String memory() {
        StringBuilder line = new StringBuilder("Memory after the runs (PSS): " + process.name() + " "
                + process.residentKib() / 1024 + " MB");
        for (ManagedProcess server : stack.processes()) {
            line.append(", ").append(server.name()).append(' ').append(server.residentKib() / 1024).append(" MB");
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            process.stop(Duration.ofSeconds(15));
        } finally {
            stack.close();
        }
    }

    /**
     * Submits {@code orders} orders on {@code channel} from {@code clients} clients, {@code ordersPerCustomer} orders
     * for each customer (the customer's e-mail is its reference in Odoo), and waits until all are released.
     */
    Result run(String label, String channel, int orders, int clients, int ordersPerCustomer) throws Exception {
        URI intake = URI.create(service.baseUrl() + "/api/v1/orders");
        // A fresh token per run: Keycloak's last 5 minutes, a run with Odoo's cost can take longer.
        String token = token();
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
                                        BODY.formatted(channel, run + "-" + i, i / ordersPerCustomer,
                                                run + "." + i / ordersPerCustomer)))
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
        try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl("orders"), PostgresServer.USER,
                "")) {
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

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
