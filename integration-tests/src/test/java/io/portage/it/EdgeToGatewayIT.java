package io.portage.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A warehouse's day on a flaky uplink, with every piece real: pickers' scans go into the edge agent, which forwards
 * them with edge-wh1's Keycloak token to the gateway, which publishes them on portage.warehouse. The gateway goes
 * away in the middle and comes back: every scan arrives once, and the scans of an order in the order they were made.
 */
class EdgeToGatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDERS = 8;
    private static final int LINES = 25;

    static RunningSuite suite;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
    }

    @Test
    void everyScanArrivesOnceAndInOrderAcrossAGatewayOutage() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(UUID.randomUUID().toString());
        }
        // The first half of each order's lines while the uplink is there.
        scan(orders, 1, LINES / 2);
        awaitForwarded();

        suite.stopGateway();
        scan(orders, LINES / 2 + 1, LINES);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status().path("forwarding")
                        .path("uplinkUp")
                        .asBoolean()).isFalse());
        assertThat(status().path("backlog").path("pending").asLong()).isGreaterThan(0);
        suite.startGateway();
        awaitForwarded();

        Map<String, List<ConsumerRecord<String, String>>> byOrder = warehouseRecords(Set.copyOf(orders),
                ORDERS * LINES);
        assertThat(byOrder.keySet()).containsExactlyInAnyOrderElementsOf(orders);
        for (String order : orders) {
            List<ConsumerRecord<String, String>> records = byOrder.get(order);
            assertThat(records).as("order %s", order).hasSize(LINES);
            for (int line = 1; line <= LINES; line++) {
                ConsumerRecord<String, String> record = records.get(line - 1);
                assertThat(header(record, "ce_type")).isEqualTo("io.portage.warehouse.pick-confirmed.v1");
                assertThat(header(record, "ce_sequence")).isEqualTo(Integer.toString(line));
                assertThat(header(record, "ce_partnerid")).isEqualTo("wh1");
                JsonNode data = JSON.readTree(record.value());
                assertThat(data.path("site").asText()).isEqualTo("WH1");
                assertThat(data.path("lines").get(0).path("lineNumber").asInt()).isEqualTo(line);
            }
        }
        assertThat(status().path("deadLetters").asLong()).isZero();
    }

    /** Lines {@code from}..{@code to} of every order, interleaved across orders, as a picking wave would be. */
    private static void scan(List<String> orders, int from, int to) {
        List<Map<String, Object>> scans = new ArrayList<>();
        for (int line = from; line <= to; line++) {
            for (String order : orders) {
                scans.add(Map.of("type", "scan.pick.confirmed", "key", order, "priority", "DISPATCH",
                        "occurredAt", java.time.Instant.now().toString(),
                        "payload",
                        Map.of("lineNumber", line, "sku", "SKU-" + line, "quantity", 1, "location", "A-01-0" + (line % 10))));
            }
        }
        given().baseUri(suite.edge.baseUrl())
                .header("Authorization", "Bearer " + suite.edgeKeys.device())
                .contentType("application/json")
                .body(scans)
                .when()
                .post("/api/v1/events/batch")
                .then()
                .statusCode(202);
    }

    private static JsonNode status() throws Exception {
        return JSON.readTree(given().baseUri(suite.edge.baseUrl())
                .header("Authorization", "Bearer " + suite.edgeKeys.operator())
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static void awaitForwarded() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode status = status();
            assertThat(status.path("backlog").path("pending").asLong()).isZero();
            assertThat(status.path("forwarding").path("uplinkUp").asBoolean()).isTrue();
        });
    }

    /** The records of {@code orders} on portage.warehouse, from the beginning, per order in log order. */
    private static Map<String, List<ConsumerRecord<String, String>>> warehouseRecords(Set<String> orders, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.stack.kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<ConsumerRecord<String, String>>> byOrder = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("portage.warehouse")
                    .stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int found = 0;
            while (found < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (orders.contains(record.key())) {
                        byOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                        found++;
                    }
                }
            }
            // A little longer, so a duplicate would be seen too.
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                if (orders.contains(record.key())) {
                    byOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                }
            }
        }
        return byOrder.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
