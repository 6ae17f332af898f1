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

    private static String orderReceived(String orderId, String lines) {
        return """
                {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind","warehouse":"WH1",
                 "customer":{"name":"Grace Hopper","email":"grace@example.com",
                   "address":{"street":"1 Kai","city":"Hamburg","postalCode":"20457","country":"DE"}},
                 "lines":%s,"receivedAt":"2026-11-23T08:15:30Z"}
                """.formatted(orderId, orderId, lines);
    }

    private static void produce(String orderId, String eventId, String json) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.stack.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("portage.orders", orderId, json);
            Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", "io.portage.order.received.v1", "ce_source",
                    "urn:portage:it", "ce_subject", orderId, "ce_sequence", "1", "ce_correlationid", "corr-" + orderId)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    @Test
    void anOperatorReplaysAPoisonEventThroughTheGateway() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        produce(orderId, eventId, orderReceived(orderId, "[]"));
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
                .body(Map.of("payload", orderReceived(orderId, "[{\"sku\":\"SKU-LAMP-02\",\"quantity\":3}]")))
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
