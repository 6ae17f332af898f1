package io.portage.it;

import static io.portage.it.OrderToShipmentIT.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator with a real Keycloak token (client portage-ops, role and scope ops) finds a poison order event in
 * shipment-service's dead letters through the gateway and replays it with a corrected payload; the shipment is
 * planned once and the audit trail names the operator from the token (the client, azp: a client-credentials token has no user name). Partners cannot reach the operations API.
 */
class OperationsIT {

    static RunningSuite suite;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
    }

    private static final String SHIP_TO = """
            {"name":"Grace Hopper","email":"grace@example.com",
             "address":{"street":"1 Kai","city":"Hamburg","postalCode":"20457","country":"DE"}}""";

    private static String orderReceived(String orderId) {
        return """
                {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind","warehouse":"WH1",
                 "customer":%s,"lines":[{"sku":"PT-LAMP-01","quantity":3}],"receivedAt":"2026-11-23T08:15:30Z"}
                """.formatted(orderId, orderId, SHIP_TO);
    }

    /** What order-service publishes when it releases an order to WH1: shipments start from it. */
    private static String orderReleased(String orderId, String lines) {
        return """
                {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind","warehouse":"WH1",
                 "fulfiller":{"type":"WAREHOUSE","id":"WH1"},"shipTo":%s,"lines":%s,
                 "erp":{"erpRef":"sale.order/42","name":"S00042","pickingIds":[77]},
                 "shipBy":"2026-11-24T16:00:00Z","releasedAt":"2026-11-23T09:00:00Z"}
                """.formatted(orderId, orderId, SHIP_TO, lines);
    }

    /** The order's received (1), accepted (2) and released (3) events, as order-service numbers them. */
    private static void produce(String orderId, String releasedEventId, String released) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.stack.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record(orderId, UUID.randomUUID().toString(), "io.portage.order.received.v1", 1,
                    orderReceived(orderId)));
            producer.send(record(orderId, UUID.randomUUID().toString(), "io.portage.order.accepted.v1", 2,
                    "{\"orderId\":\"" + orderId + "\",\"partnerId\":\"northwind\",\"acceptedAt\":\"2026-11-23T08:16:00Z\"}"));
            producer.send(record(orderId, releasedEventId, "io.portage.order.released.v2", 3, released)).get();
        }
    }

    private static ProducerRecord<String, String> record(String orderId, String eventId, String type, int sequence,
            String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>("portage.orders", orderId, json);
        Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "urn:portage:it", "ce_subject",
                orderId, "ce_sequence", Integer.toString(sequence), "ce_correlationid", "corr-" + orderId,
                "ce_partnerid", "northwind")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Test
    void anOperatorReplaysAPoisonEventThroughTheGateway() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        produce(orderId, eventId, orderReleased(orderId, "[]"));
        String ops = token("portage-ops", "portage-ops-dev-secret");

        String letter = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(suite.gateway.baseUrl())
                        .auth()
                        .oauth2(ops)
                        .queryParam("status", "OPEN")
                        .queryParam("limit", 1000)
                        .when()
                        .get("/api/v1/ops/shipment-service/dead-letters")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("find { it.eventId == '%s' }.id".formatted(eventId)), id -> id != null);

        String northwind = token("northwind-shop", "northwind-dev-secret");
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(northwind)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/ops/shipment-service/dead-letters/" + letter + "/replay")
                .then()
                .statusCode(403);

        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(ops)
                .header("X-Portage-Actor", "somebody-else")
                .contentType("application/json")
                .body(Map.of("payload",
                        orderReleased(orderId,
                                "[{\"lineNumber\":1,\"sku\":\"PT-LAMP-01\",\"channelSku\":\"NW-LAMP\",\"quantity\":3}]")))
                .when()
                .post("/api/v1/ops/shipment-service/dead-letters/" + letter + "/replay")
                .then()
                .statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("resolvedBy", equalTo("portage-ops"));

        given().baseUri(suite.shipments.baseUrl())
                .auth()
                .oauth2(ops)
                .queryParam("orderId", orderId)
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].totalQuantity", equalTo(3.0f));
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(ops)
                .queryParam("target", "dead-letter:" + letter)
                .when()
                .get("/api/v1/ops/shipment-service/audit")
                .then()
                .statusCode(200)
                .body("[0].actor", equalTo("portage-ops"))
                .body("[0].outcome", equalTo("done"));
    }
}
