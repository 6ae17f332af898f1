package io.portage.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.PostgresServer;
import io.portage.stack.QuarkusService;

/**
 * Outbox -> Kafka -> inbox throughput through the real services: order-service's outbox relay publishes each order's
 * three events (received, accepted, released, numbered 1 to 3) to {@code portage.orders}; shipment-service consumes
 * them and applies each through its inbox (inbox rows, positions, and a shipment for each release; one transaction per
 * poll). {@code events} is rounded down to whole orders. The events are written straight into order-service's
 * outbox table in one go, as a burst of accepted orders would leave them, so the numbers measure the backbone, not
 * HTTP intake. Prints publish and apply rates and each process's memory.
 */
public final class OutboxToInboxBenchmark {

    /** An order's three events as order-service publishes them: received (1), accepted (2), released (3). */
    private static final String RECEIVED = """
            {"orderId":"%s","channel":"bench-shop","externalId":"B-%s","partnerId":"bench","warehouse":"WH1",\
            "customer":{"name":"Ada Lovelace","email":"ada@example.com","address":{"street":"12 Dock Road",\
            "city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},"lines":[{"sku":"SKU-CHAIR-01","quantity":2},\
            {"sku":"SKU-DESK-07","quantity":1}],"receivedAt":"2026-11-23T08:15:30Z"}""";
    private static final String ACCEPTED = """
            {"orderId":"%s","partnerId":"bench","acceptedAt":"2026-11-23T08:16:00Z"}""";
    private static final String RELEASED = """
            {"orderId":"%s","channel":"bench-shop","externalId":"B-%s","partnerId":"bench","warehouse":"WH1",\
            "fulfiller":{"type":"WAREHOUSE","id":"WH1"},"shipTo":{"name":"Ada Lovelace","email":"ada@example.com",\
            "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},\
            "lines":[{"lineNumber":1,"sku":"SKU-CHAIR-01","channelSku":"NW-CHAIR","quantity":2},\
            {"lineNumber":2,"sku":"SKU-DESK-07","channelSku":"NW-DESK","quantity":1}],\
            "erp":{"erpRef":"sale.order/42","name":"S00042","pickingIds":[77]},\
            "shipBy":"2026-11-24T16:00:00Z","releasedAt":"2026-11-23T09:00:00Z"}""";
    private static final String[] TYPES = {"io.portage.order.received.v1", "io.portage.order.accepted.v1",
            "io.portage.order.released.v2"};

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        // The services are fresh JVMs: the first tens of thousands of events run while C2 is still compiling the
        // persistence path, so a warm-up as long as the measured run comes first (a service in production runs warm).
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : events;
        events -= events % 3; // whole orders of three events each
        warmup -= warmup % 3;
        Path work = PortageHome.locate().root().resolve("bench/outbox-inbox");
        Path checkout = PortageHome.locate().checkout();
        System.out.printf("Outbox -> Kafka -> inbox: %d events (after %d warm-up), %d cores%n", events, warmup,
                Runtime.getRuntime().availableProcessors());

        try (LocalStack stack = LocalStack.forTests(work.resolve("stack"), false).start(List.of("orders", "shipments"))) {
            QuarkusService orders = new QuarkusService("order-service", checkout, Ports.free()).withStack(stack, "orders")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED);
            QuarkusService shipments = new QuarkusService("shipment-service", checkout, Ports.free()).withStack(stack,
                    "shipments")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED);
            List<ManagedProcess> services = new ArrayList<>();
            try {
                services.add(orders.start(work.resolve("services"), false, Duration.ofSeconds(120)));
                services.add(shipments.start(work.resolve("services"), false, Duration.ofSeconds(120)));
                PostgresServer postgres = stack.postgres();

                run(postgres, warmup, "warm-up");
                // The tables grew from empty within seconds, faster than autovacuum (one round a minute) refreshes their
                // statistics; a service that has run for a while has them, and without them PostgreSQL plans seq scans.
                vacuumAnalyze(postgres, "orders");
                vacuumAnalyze(postgres, "shipments");
                Result result = run(postgres, events, "measured");

                System.out.printf(Locale.ROOT,
                        "%nRESULT events=%d publish=%.0f events/s (%.2f s) apply=%.0f events/s (%.2f s end to end)%n",
                        events, events / result.publishSeconds(), result.publishSeconds(), events / result.applySeconds(),
                        result.applySeconds());
                System.out.println("Memory after the run (PSS):");
                for (ManagedProcess process : services) {
                    System.out.printf("  %-17s %4d MB%n", process.name(), process.residentKib() / 1024);
                }
                for (ManagedProcess process : stack.processes()) {
                    System.out.printf("  %-17s %4d MB%n", process.name(), process.residentKib() / 1024);
                }
            } finally {
                for (int i = services.size() - 1; i >= 0; i--) {
                    services.get(i).stop(Duration.ofSeconds(15));
                }
            }
        }
    }

    record Result(double publishSeconds, double applySeconds) {
    }

    private static Result run(PostgresServer postgres, int events, String label) throws SQLException, InterruptedException {
        try (Connection orders = DriverManager.getConnection(postgres.jdbcUrl("orders") + "?reWriteBatchedInserts=true",
                PostgresServer.USER, "");
                Connection shipments = DriverManager.getConnection(postgres.jdbcUrl("shipments"), PostgresServer.USER, "")) {
            long shipmentsBefore = count(shipments, "select count(*) from shipments.shipment");
            orders.setAutoCommit(false);
            try (PreparedStatement insert = orders.prepareStatement(
                    """
                            insert into orders.outbox_event (event_id, type, topic, source, subject, sequence, correlation_id, partner_id,
                                occurred_at, payload, created_at) values (?::uuid, ?, 'portage.orders',
                                'urn:portage:order-service', ?, ?, ?, 'bench', ?, ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < events / 3; i++) {
                    String orderId = UUID.randomUUID().toString();
                    String[] payloads = {RECEIVED.formatted(orderId, orderId), ACCEPTED.formatted(orderId),
                            RELEASED.formatted(orderId, orderId)};
                    for (int e = 0; e < 3; e++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, TYPES[e]);
                        insert.setString(3, orderId);
                        insert.setLong(4, e + 1L);
                        insert.setString(5, "bench-" + i);
                        insert.setTimestamp(6, now);
                        insert.setString(7, payloads[e]);
                        insert.setTimestamp(8, now);
                        insert.addBatch();
                    }
                    if (i % 300 == 299) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            orders.commit();
            orders.setAutoCommit(true);
            long start = System.nanoTime();
            double published = -1;
            double applied = -1;
            long deadline = start + Duration.ofMinutes(10).toNanos();
            // Polled every 200 ms with cheap queries: the polling shares PostgreSQL's two cores with what it measures.
            while ((published < 0 || applied < 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (published < 0
                        && count(orders,
                                "select count(*) from (select 1 from orders.outbox_event where published_at is null limit 1) pending") == 0) {
                    published = elapsed;
                }
                if (applied < 0
                        && count(shipments, "select count(*) from shipments.shipment") - shipmentsBefore >= events / 3) {
                    applied = elapsed;
                }
            }
            if (published < 0 || applied < 0) {
                throw new IllegalStateException(label + ": not done within 10 minutes (published " + published + ", applied "
                        + applied + ")");
            }
            System.out.printf(Locale.ROOT, "%-9s %6d events: published in %6.2f s, applied in %6.2f s%n", label, events,
                    published, applied);
            return new Result(published, applied);
        }
    }

    private static void vacuumAnalyze(PostgresServer postgres, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, "");
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
