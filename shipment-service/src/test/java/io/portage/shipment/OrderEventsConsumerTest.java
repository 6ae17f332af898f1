package io.portage.shipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
class OrderEventsConsumerTest {

    @Inject
    InMemorySpanExporter spans;

    static String orderReceivedJson(String orderId) {
        return """
                {"orderId":"%s","channel":"northwind-shop","externalId":"NW-%s","partnerId":"northwind","warehouse":"WH1",
                 "customer":{"name":"Ada Lovelace","email":"ada@example.com",
                   "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                 "lines":[{"sku":"SKU-CHAIR-01","quantity":2},{"sku":"SKU-DESK-07","quantity":1.5}],
                 "receivedAt":"2026-11-23T08:15:30Z"}
                """.formatted(orderId, orderId);
    }

    static ProducerRecord<String, String> orderReceived(String orderId, String eventId) {
        return CloudEventRecords.binary(Topics.ORDERS, eventId, EventCatalog.ORDER_RECEIVED_V1.type(), orderId,
                orderReceivedJson(orderId),
                Map.of("correlationid", "corr-" + orderId, "partnerid", "northwind", "sequence", "1"));
    }

    static void produce(ProducerRecord<String, String> record) {
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    static void awaitShipments(String orderId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given()
                        .queryParam("orderId", orderId)
                        .when()
                        .get("/api/v1/shipments")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(count)));
    }

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void plansAShipmentForAReceivedOrder() {
        String orderId = UUID.randomUUID().toString();
        produce(orderReceived(orderId, UUID.randomUUID().toString()));

        awaitShipments(orderId, 1);
        String shipmentId = given().queryParam("orderId", orderId)
                .when()
                .get("/api/v1/shipments")
                .then()
                .body("[0].status", equalTo("PLANNED"))
                .body("[0].partnerId", equalTo("northwind"))
                .body("[0].lineCount", equalTo(2))
                .body("[0].totalQuantity", equalTo(3.5f))
                .body("[0].shipTo.country", equalTo("NL"))
                .body("[0].correlationId", equalTo("corr-" + orderId))
                .extract()
                .path("[0].id");
        given().when().get("/api/v1/shipments/" + shipmentId).then().statusCode(200).body("orderId", equalTo(orderId));
    }

    @Test
    void processingAnEventContinuesTheTraceThatPublishedIt() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        ProducerRecord<String, String> record = orderReceived(orderId, eventId);
        record.headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
        produce(record);

        awaitShipments(orderId, 1);
        SpanData processed = await().atMost(Duration.ofSeconds(15))
                .until(() -> spans.getFinishedSpanItems()
                        .stream()
                        .filter(span -> span.getName().equals("process " + EventCatalog.ORDER_RECEIVED_V1.type())
                                && span.getTraceId().equals(traceId))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(processed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(processed.getParentSpanId()).as("the publisher's span").isEqualTo("b7ad6b7169203331");
        assertThat(processed.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))).isEqualTo(eventId);
        assertThat(processed.getAttributes().get(AttributeKey.stringKey("portage.correlation_id")))
                .isEqualTo("corr-" + orderId);
        assertThat(processed.getAttributes().get(AttributeKey.stringKey("portage.consumer")))
                .isEqualTo("shipment-service.orders");
    }

    @Test
    void anEventDeliveredThreeTimesPlansOneShipment() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        produce(orderReceived(orderId, eventId));
        produce(orderReceived(orderId, eventId));
        produce(orderReceived(orderId, eventId));
        String marker = UUID.randomUUID().toString();
        produce(orderReceived(marker, UUID.randomUUID().toString()));

        awaitShipments(marker, 1);
        awaitShipments(orderId, 1);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // A redelivery in the same batch is a duplicate for the inbox; in a later batch the sequencer finds it late.
        double redeliveries = metrics.lines()
                .filter(line -> (line.startsWith("portage_inbox_duplicates_total{")
                        || line.startsWith("portage_inbox_late_total{"))
                        && line.contains("shipment-service.orders"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        assertThat(redeliveries).as("the two redeliveries are counted").isGreaterThanOrEqualTo(2);
    }

    @Test
    void otherEventTypesAreSkippedAndPoisonGoesToTheDeadLetterTopic() {
        String ignored = UUID.randomUUID().toString();
        produce(CloudEventRecords.binary(Topics.ORDERS, UUID.randomUUID().toString(), "io.portage.order.cancelled.v1", ignored,
                "{\"orderId\":\"" + ignored + "\"}", Map.of("sequence", "1")));
        String poison = UUID.randomUUID().toString();
        produce(CloudEventRecords.binary(Topics.ORDERS, UUID.randomUUID().toString(), EventCatalog.ORDER_RECEIVED_V1.type(),
                poison,
                "{not json", Map.of()));
        String after = UUID.randomUUID().toString();
        produce(orderReceived(after, UUID.randomUUID().toString()));

        awaitShipments(after, 1);
        given().queryParam("orderId", ignored).when().get("/api/v1/shipments").then().body("$", hasSize(0));
        var dead = TestKafka.awaitRecord("portage.dlq.shipment-service", r -> poison.equals(r.key()));
        assertThat(TestKafka.header(dead, "dead-letter-reason")).isNotBlank();
        assertThat(TestKafka.header(dead, "ce_id")).isNotBlank();
    }

    @Test
    void unknownShipmentIsAProblem() {
        given().when()
                .get("/api/v1/shipments/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("limit", 0)
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
    }
}
