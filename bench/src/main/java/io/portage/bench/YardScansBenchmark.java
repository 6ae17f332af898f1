package io.portage.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import io.portage.contracts.EventCatalog;
import io.portage.stack.LocalStack;
import io.portage.stack.ManagedProcess;
import io.portage.stack.PortageHome;
import io.portage.stack.Ports;
import io.portage.stack.PostgresServer;
import io.portage.stack.QuarkusService;

/**
 * Gate, yard and dock scans applied per second by yard-service, end to end from Kafka: trucks' visits of six scans each
 * (gate-in, yard spot, door, unloading started and completed, gate-out), as the gateway publishes them on
 * {@code portage.warehouse}, are produced in one burst; the clock stops when yard-service's inbox has applied every one
 * (the visit rows written in the same transactions). A warm-up burst as large comes first. Prints the rate and memory.
 */
public final class YardScansBenchmark {

    private static final List<String> MOVEMENTS = List.of("GATE_IN", "YARD_SPOT", "DOOR_ASSIGNED", "UNLOADING_STARTED",
            "UNLOADING_COMPLETED", "GATE_OUT");
    private static final String CONSUMER = "yard-service.warehouse";

    public static void main(String[] args) throws Exception {
        int visits = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path work = PortageHome.locate().root().resolve("bench/yard-scans");
        Path checkout = PortageHome.locate().checkout();
        int scans = visits * MOVEMENTS.size();
        System.out.printf("Yard scans from Kafka into yard-service: %d visits x %d scans = %d scans (after as many warm-up),"
                + " %d cores%n", visits, MOVEMENTS.size(), scans, Runtime.getRuntime().availableProcessors());

        try (LocalStack stack = LocalStack.forTests(work.resolve("stack"), false).start(List.of("yard"))) {
            QuarkusService yard = new QuarkusService("yard-service", checkout, Ports.free()).withStack(stack, "yard")
                    .withJvmOptions(QuarkusService.AS_DEPLOYED);
            ManagedProcess service = yard.start(work.resolve("services"), false, Duration.ofSeconds(120));
            try {
                PostgresServer postgres = stack.postgres();
                String kafka = stack.kafka().bootstrapServers();
                run(postgres, kafka, visits, "warm-up");
                try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("yard"), PostgresServer.USER, "");
                        Statement statement = connection.createStatement()) {
                    statement.execute("vacuum analyze");
                }
                double seconds = run(postgres, kafka, visits, "measured");
                System.out.printf(Locale.ROOT, "%nRESULT scans=%d applied=%.0f scans/s (%.2f s end to end, %d visits)%n",
                        scans, scans / seconds, seconds, visits);
                System.out.println("Memory after the run (PSS):");
                System.out.printf("  %-17s %4d MB%n", service.name(), service.residentKib() / 1024);
                for (ManagedProcess process : stack.processes()) {
                    System.out.printf("  %-17s %4d MB%n", process.name(), process.residentKib() / 1024);
                }
            } finally {
                service.stop(Duration.ofSeconds(15));
            }
        }
    }

    /** Produces the visits' scans and waits until all are applied; the seconds from the first send. */
    private static double run(PostgresServer postgres, String kafka, int visits, String label) throws Exception {
        try (Connection yard = DriverManager.getConnection(postgres.jdbcUrl("yard"), PostgresServer.USER, "")) {
            long before = appliedScans(yard);
            int scans = visits * MOVEMENTS.size();
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            Instant day = Instant.parse("2026-12-07T06:00:00Z");
            long start = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                for (int v = 0; v < visits; v++) {
                    String visit = "V-" + UUID.randomUUID().toString().substring(0, 13);
                    Instant arrival = day.plusSeconds(v % 3_600);
                    for (int m = 0; m < MOVEMENTS.size(); m++) {
                        producer.send(scan(visit, MOVEMENTS.get(m), arrival.plusSeconds(m * 600L), v));
                    }
                }
                producer.flush();
            }
            double produced = (System.nanoTime() - start) / 1e9;
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (appliedScans(yard) - before < scans) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(label + ": " + (appliedScans(yard) - before) + " of " + scans
                            + " scans applied within 10 minutes");
                }
                Thread.sleep(200);
            }
            double applied = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-9s %7d scans: produced in %6.2f s, applied in %6.2f s (%.0f scans/s)%n",
                    label, scans, produced, applied, scans / applied);
            return applied;
        }
    }

    private static ProducerRecord<String, String> scan(String visit, String movement, Instant at, int truck) {
        String extra = switch (movement) {
            case "GATE_IN" -> ",\"trailerNumber\":\"TRL " + truck + "\",\"carrier\":\"Swift Freight\",\"sealNumber\":\"S-"
                    + truck + "\"";
            case "YARD_SPOT" -> ",\"yardSpot\":\"Y-" + (truck % 200) + "\"";
            case "DOOR_ASSIGNED" -> ",\"door\":\"D" + (100 + truck % 50) + "-1\"";
            default -> "";
        };
        String json = "{\"visitId\":\"" + visit + "\",\"site\":\"WH1\",\"movement\":\"" + movement + "\",\"occurredAt\":\""
                + at + "\"" + extra + "}";
        ProducerRecord<String, String> record = new ProducerRecord<>(EventCatalog.YARD_SCAN_RECORDED_V1.topic(), visit,
                json);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type",
                EventCatalog.YARD_SCAN_RECORDED_V1.type(), "ce_source", "urn:portage:gateway", "ce_subject", visit,
                "ce_sequence", "1", "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private static long appliedScans(Connection yard) throws SQLException {
        try (Statement statement = yard.createStatement();
                ResultSet result = statement.executeQuery(
                        "select count(*) from yard.inbox_event where consumer = '" + CONSUMER + "'")) {
            result.next();
            return result.getLong(1);
        }
    }
}
