package io.portage.shipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.contracts.Topics;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
class OrderEventsConsumerTest {

    @Inject
    InMemorySpanExporter spans;

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

    static String awaitShipment(String orderId) {
        awaitShipments(orderId, 1);
        return given().queryParam("orderId", orderId).when().get("/api/v1/shipments").then().extract().path("[0].id");
    }

    static void awaitStatus(String shipmentId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/shipments/" + shipmentId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    static ConsumerRecord<String, String> awaitShipmentEvent(String shipmentId, EventType type) {
        return TestKafka.awaitRecord(Topics.SHIPMENTS,
                r -> shipmentId.equals(r.key()) && type.type().equals(TestKafka.header(r, "ce_type")));
    }

    @Test
    void plansAShipmentForAReleasedOrderAndPublishesIt() {
        OrderStream order = OrderStream.random().releasedInOrder();

        String shipmentId = awaitShipment(order.orderId());
        given().queryParam("orderId", order.orderId())
                .when()
                .get("/api/v1/shipments")
                .then()
                .body("[0].status", equalTo("PLANNED"))
                .body("[0].partnerId", equalTo("northwind"))
                .body("[0].fulfiller.type", equalTo("THIRD_PARTY"))
                .body("[0].fulfiller.id", equalTo("3pl-rotterdam"))
                .body("[0].lineCount", equalTo(2))
                .body("[0].totalQuantity", equalTo(3.5f))
                .body("[0].shipTo.country", equalTo("NL"))
                .body("[0].shipBy", equalTo("2026-11-24T16:00:00Z"))
                .body("[0].correlationId", equalTo("corr-" + order.orderId()));
        given().when().get("/api/v1/shipments/" + shipmentId).then().statusCode(200).body("orderId", equalTo(order.orderId()));

        var created = awaitShipmentEvent(shipmentId, EventCatalog.SHIPMENT_CREATED_V1);
        assertThat(TestKafka.header(created, "ce_sequence")).isEqualTo("1");
        assertThat(TestKafka.header(created, "ce_correlationid")).isEqualTo("corr-" + order.orderId());
        assertThat(created.value()).contains("\"orderId\":\"" + order.orderId() + "\"")
                .contains("\"destinationCountry\":\"NL\"");
    }

    @Test
    void aReceivedOrHeldOrderPlansNothing() {
        OrderStream held = OrderStream.random();
        OrderStream.produce(held.received());
        OrderStream accepted = OrderStream.random();
        OrderStream.produce(accepted.received(), accepted.accepted());
        OrderStream marker = OrderStream.random().releasedInOrder();

        awaitShipments(marker.orderId(), 1);
        awaitShipments(held.orderId(), 0);
        awaitShipments(accepted.orderId(), 0);
    }

    @Test
    void processingAnEventContinuesTheTraceThatPublishedIt() {
        OrderStream order = OrderStream.random();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        ProducerRecord<String, String> released = order.released();
        String eventId = new String(released.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        released.headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
        OrderStream.produce(order.received(), order.accepted(), released);

        awaitShipments(order.orderId(), 1);
        SpanData processed = await().atMost(Duration.ofSeconds(15))
                .until(() -> spans.getFinishedSpanItems()
                        .stream()
                        .filter(span -> span.getName().equals("process " + EventCatalog.ORDER_RELEASED_V2.type())
                                && span.getTraceId().equals(traceId))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(processed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(processed.getParentSpanId()).as("the publisher's span").isEqualTo("b7ad6b7169203331");
        assertThat(processed.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))).isEqualTo(eventId);
        assertThat(processed.getAttributes().get(AttributeKey.stringKey("portage.correlation_id")))
                .isEqualTo("corr-" + order.orderId());
        assertThat(processed.getAttributes().get(AttributeKey.stringKey("portage.consumer")))
                .isEqualTo("shipment-service.orders");
    }

    @Test
    void duplicatedAndReorderedOrderEventsPlanOneShipment() {
        OrderStream order = OrderStream.random();
        ProducerRecord<String, String> released = order.released();
        // The release first (it waits for its predecessors), then delivered again, and again under another event id.
        OrderStream.produce(released, order.accepted(), released, order.received(), released, order.released());
        OrderStream marker = OrderStream.random().releasedInOrder();

        awaitShipments(marker.orderId(), 1);
        awaitShipments(order.orderId(), 1);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // A redelivery in the same batch is a duplicate for the inbox; in a later batch the sequencer finds it late.
        double redeliveries = metrics.lines()
                .filter(line -> (line.startsWith("portage_inbox_duplicates_total{")
                        || line.startsWith("portage_inbox_late_total{"))
                        && line.contains("shipment-service.orders"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        assertThat(redeliveries).as("the three redeliveries are counted").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCancelledOrderCancelsItsShipmentBeforeDispatch() {
        OrderStream order = OrderStream.random().releasedInOrder();
        String shipmentId = awaitShipment(order.orderId());
        ProducerRecord<String, String> cancelled = order.cancelled(4);
        OrderStream.produce(cancelled, cancelled);

        awaitStatus(shipmentId, "CANCELLED");
        given().when()
                .get("/api/v1/shipments/" + shipmentId)
                .then()
                .body("cancelReason", equalTo("CUSTOMER_REQUEST: changed my mind"))
                .body("cancelledAt", notNullValue());
        var event = awaitShipmentEvent(shipmentId, EventCatalog.SHIPMENT_CANCELLED_V1);
        assertThat(TestKafka.header(event, "ce_sequence")).isEqualTo("2");
        assertThat(TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(2), r -> shipmentId.equals(r.key())
                && EventCatalog.SHIPMENT_CANCELLED_V1.type().equals(TestKafka.header(r, "ce_type"))))
                .as("cancelled once, though the cancellation came twice")
                .hasSize(1);
    }

    @Test
    void anOrderCancelledBeforeItsReleaseNeverGetsAShipment() {
        OrderStream order = OrderStream.random();
        OrderStream.produce(order.received(), order.accepted(), order.cancelled(3));
        OrderStream marker = OrderStream.random().releasedInOrder();

        awaitShipments(marker.orderId(), 1);
        awaitShipments(order.orderId(), 0);
    }

    @Test
    void otherEventTypesAreSkippedAndPoisonGoesToTheDeadLetterTopic() {
        OrderStream changed = OrderStream.random();
        OrderStream.produce(changed.received(), changed.record("io.portage.order.changed.v1", 2,
                "{\"orderId\":\"" + changed.orderId() + "\"}"));
        OrderStream poison = OrderStream.random();
        OrderStream.produce(poison.received(), poison.accepted(),
                poison.record(EventCatalog.ORDER_RELEASED_V2.type(), 3, "{not json"));
        OrderStream after = OrderStream.random().releasedInOrder();

        awaitShipments(after.orderId(), 1);
        given().queryParam("orderId", changed.orderId()).when().get("/api/v1/shipments").then().body("$", hasSize(0));
        var dead = TestKafka.awaitRecord("portage.dlq.shipment-service", r -> poison.orderId().equals(r.key()));
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
