package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.contracts.Topics;
import io.portage.odoo.connector.OdooClient;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A released order followed through fulfilment from real events on Kafka: the warehouse's picks and packs, the
 * shipment's dispatch, tracking and proof of delivery, Odoo's transfers, invoice and cancellation. Each event counts
 * once however often delivered, a late one never moves the order back, and one about an unknown order is a dead letter
 * that a replay applies once the order is known.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class OrderLifecycleTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @Inject
    OdooClient odooClient;

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @BeforeEach
    void loadTheProductCache() {
        given().auth().oauth2(TestTokens.ops("test-ops")).when().post("/ops/odoo-sync/poll").then().statusCode(200);
    }

    /** A released order: its id, Odoo sale order id and name, picking ids. */
    record Released(String id, long odooId, String odooName, List<Long> pickingIds) {
    }

    static Released released() {
        String externalId = "LC-" + UUID.randomUUID();
        String id = OrderToOdooTest.submit(OrderToOdooTest.order("northwind-shop", externalId, "PT-CHAIR-01"),
                "ACCEPTED");
        JsonPath order = OrderToOdooTest.awaitStatus(id, "RELEASED");
        return new Released(id, order.getLong("odoo.id"), order.getString("odoo.name"),
                order.getList("odoo.pickingIds", Long.class));
    }

    static void produce(ProducerRecord<String, String> record) {
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(record).awaitCompletion(WAIT);
        }
    }

    static ProducerRecord<String, String> event(EventType type, String subject, long sequence, String eventId,
            String json) {
        return CloudEventRecords.binary(type.topic(), eventId, type.type(), subject, json,
                Map.of("sequence", Long.toString(sequence), "partnerid", "northwind-shop"));
    }

    static ProducerRecord<String, String> picked(String orderId, String eventId, Instant at) {
        return event(EventCatalog.PICK_CONFIRMED_V1, orderId, 1, eventId, """
                {"orderId":"%s","site":"WH1","lines":[{"lineNumber":1,"sku":"PT-CHAIR-01","quantity":1,
                 "location":"A-01-02"}],"pickerId":"picker-7","confirmedAt":"%s"}""".formatted(orderId, at));
    }

    static ProducerRecord<String, String> packed(String orderId, Instant at) {
        return event(EventCatalog.PACK_CONFIRMED_V1, orderId, 2, UUID.randomUUID().toString(), """
                {"orderId":"%s","site":"WH1","parcels":[{"sscc":"003456789012345678","weightKg":4.2,
                 "lines":[{"sku":"PT-CHAIR-01","quantity":1}]}],"confirmedAt":"%s"}""".formatted(orderId, at));
    }

    static ProducerRecord<String, String> shipmentCreated(String shipmentId, String orderId, Instant at) {
        return event(EventCatalog.SHIPMENT_CREATED_V1, shipmentId, 1, UUID.randomUUID().toString(), """
                {"shipmentId":"%s","orderId":"%s","partnerId":"northwind-shop","warehouse":"WH1",
                 "destinationCountry":"BE","serviceLevel":"STANDARD","createdAt":"%s"}""".formatted(shipmentId,
                orderId, at));
    }

    static ProducerRecord<String, String> dispatched(String shipmentId, Instant at) {
        return event(EventCatalog.SHIPMENT_DISPATCHED_V1, shipmentId, 3, UUID.randomUUID().toString(), """
                {"shipmentId":"%s","carrier":"swift-carrier","trackingNumber":"TRK-%s","appointmentId":null,
                 "parcels":1,"dispatchedAt":"%s"}""".formatted(shipmentId, shipmentId.substring(0, 8), at));
    }

    static ProducerRecord<String, String> tracking(String shipmentId, Instant at) {
        return event(EventCatalog.TRACKING_UPDATED_V1, shipmentId, 4, UUID.randomUUID().toString(), """
                {"shipmentId":"%s","trackingNumber":"TRK-1","carrierStatus":"IN_TRANSIT","description":"Hub scan",
                 "location":{"city":"Ghent","country":"BE"},"estimatedDeliveryAt":null,"occurredAt":"%s"}"""
                .formatted(shipmentId, at));
    }

    static ProducerRecord<String, String> delivered(String shipmentId, Instant at) {
        return event(EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1, shipmentId, 5, UUID.randomUUID().toString(), """
                {"shipmentId":"%s","trackingNumber":"TRK-1","proofType":"SIGNATURE","signedBy":"G. Hopper",
                 "documentUri":null,"deliveredAt":"%s","receivedAt":"%s"}""".formatted(shipmentId, at, at));
    }

    static ProducerRecord<String, String> invoicePosted(String origin, String invoiceName, Instant at) {
        long moveId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        return event(EventCatalog.ERP_INVOICE_POSTED_V1, "account.move/" + moveId, 1, UUID.randomUUID().toString(), """
                {"erpRef":"account.move/%d","instance":"test","recordId":%d,"name":"%s","moveType":"out_invoice",
                 "ref":null,"invoiceOrigin":"%s","partnerId":7,"partnerName":"Grace Hopper","amountTotal":"140.00",
                 "invoiceDate":"2026-11-24","changedAt":"%s"}""".formatted(moveId, moveId, invoiceName, origin, at));
    }

    static ProducerRecord<String, String> pickingDone(long pickingId, long saleOrderId, Instant at) {
        return event(EventCatalog.ERP_PICKING_DONE_V1, "stock.picking/" + pickingId, 2, UUID.randomUUID().toString(),
                """
                        {"erpRef":"stock.picking/%d","instance":"test","recordId":%d,"name":"WH/OUT/%05d",
                         "origin":"S","operationType":"YourCompany: Delivery Orders","saleOrderId":%d,
                         "carrierTrackingRef":"TRK-ODOO","doneAt":"%s","changedAt":"%s"}"""
                        .formatted(pickingId, pickingId, pickingId, saleOrderId, at, at));
    }

    static JsonPath awaitOrder(String orderId, java.util.function.Predicate<JsonPath> condition) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().when()
                        .get("/api/v1/orders/" + orderId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(), condition);
    }

    static long history(JsonPath order, String status, String note) {
        List<Map<String, Object>> steps = order.getList("history");
        return steps.stream()
                .filter(step -> status.equals(step.get("status")) && java.util.Objects.equals(note, step.get("note")))
                .count();
    }

    @Test
    void eachMilestoneMovesTheReleasedOrderOnAndShowsItsTime() {
        Released order = released();
        String shipmentId = UUID.randomUUID().toString();

        produce(picked(order.id(), UUID.randomUUID().toString(), T0));
        OrderToOdooTest.awaitStatus(order.id(), "PICKED");
        produce(packed(order.id(), T0.plusSeconds(600)));
        OrderToOdooTest.awaitStatus(order.id(), "PACKED");
        produce(shipmentCreated(shipmentId, order.id(), T0.plusSeconds(700)));
        produce(dispatched(shipmentId, T0.plusSeconds(1200)));
        OrderToOdooTest.awaitStatus(order.id(), "DISPATCHED");
        produce(tracking(shipmentId, T0.plusSeconds(3600)));
        produce(delivered(shipmentId, T0.plusSeconds(7200)));
        produce(tracking(shipmentId, T0.plusSeconds(8000)));
        // The invoice comes on another topic: once the order is delivered, so the history's order is fixed.
        OrderToOdooTest.awaitStatus(order.id(), "DELIVERED");
        produce(invoicePosted(order.odooName(), "INV/2026/00042", T0.plusSeconds(9000)));

        JsonPath done = awaitOrder(order.id(), o -> o.getString("invoice.invoicedAt") != null
                && "DELIVERED".equals(o.getString("status")));
        assertThat(done.getString("milestones.picked")).isEqualTo(T0.toString());
        assertThat(done.getString("milestones.packed")).isEqualTo(T0.plusSeconds(600).toString());
        assertThat(done.getString("milestones.dispatched")).isEqualTo(T0.plusSeconds(1200).toString());
        assertThat(done.getString("milestones.delivered")).isEqualTo(T0.plusSeconds(7200).toString());
        assertThat(done.getString("milestones.invoiced")).isEqualTo(T0.plusSeconds(9000).toString());
        assertThat(done.getString("invoice.names")).isEqualTo("INV/2026/00042");
        assertThat(done.getList("history.status", String.class)).containsExactly("RECEIVED", "ACCEPTED", "RELEASED",
                "PICKED", "PACKED", "DISPATCHED", "DELIVERED", "DELIVERED");
        assertThat(done.getString("history[4].source")).isEqualTo("warehouse:WH1");
        assertThat(done.getString("history[5].detail")).contains("swift-carrier");
        assertThat(done.getString("history[6].detail")).contains("SIGNATURE").contains("G. Hopper");
        assertThat(done.getString("history[7].note")).isEqualTo("INVOICED");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Released order = released();
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            produce(picked(order.id(), eventId, T0));
        }
        // A later event on the same partition: once it is applied, the three deliveries before it have been too.
        produce(packed(order.id(), T0.plusSeconds(60)));
        JsonPath packedOrder = OrderToOdooTest.awaitStatus(order.id(), "PACKED");
        assertThat(history(packedOrder, "PICKED", null)).isEqualTo(1);
        assertThat(packedOrder.getList("history")).hasSize(5);
    }

    @Test
    void aDeliveryBeforeItsDispatchAndPickDoesNotMoveTheOrderBack() {
        Released order = released();
        String shipmentId = UUID.randomUUID().toString();
        produce(shipmentCreated(shipmentId, order.id(), T0));
        produce(delivered(shipmentId, T0.plusSeconds(7200)));
        OrderToOdooTest.awaitStatus(order.id(), "DELIVERED");

        produce(dispatched(shipmentId, T0.plusSeconds(1200)));
        produce(picked(order.id(), UUID.randomUUID().toString(), T0.plusSeconds(60)));
        JsonPath after = awaitOrder(order.id(), o -> history(o, "PICKED", "LATE") == 1
                && history(o, "DISPATCHED", "LATE") == 1);
        assertThat(after.getString("status")).isEqualTo("DELIVERED");
        assertThat(after.getString("milestones.picked")).isEqualTo(T0.plusSeconds(60).toString());
        assertThat(after.getString("milestones.dispatched")).isEqualTo(T0.plusSeconds(1200).toString());
        assertThat(after.getString("milestones.delivered")).isEqualTo(T0.plusSeconds(7200).toString());
        // The dispatch and the pick come on two topics, read by two consumers: either may be applied first.
        List<String> history = after.getList("history.status", String.class);
        assertThat(history).hasSize(6);
        assertThat(history.subList(0, 4)).containsExactly("RECEIVED", "ACCEPTED", "RELEASED", "DELIVERED");
        assertThat(history.subList(4, 6)).containsExactlyInAnyOrder("DISPATCHED", "PICKED");
    }

    @Test
    void anEventAboutAnUnknownOrderIsADeadLetterThatAReplayAppliesOnceTheOrderIsKnown() {
        String unknownOrder = UUID.randomUUID().toString();
        String pickId = UUID.randomUUID().toString();
        produce(picked(unknownOrder, pickId, T0));
        String letter = awaitLetter("order-service.warehouse", pickId);
        given().when()
                .get("/ops/dead-letters/" + letter)
                .then()
                .statusCode(200)
                .body("reason", org.hamcrest.Matchers.containsString("no order " + unknownOrder));

        // A dispatch for a shipment whose creation has not arrived yet: a letter too, until it is known.
        Released order = released();
        String shipmentId = UUID.randomUUID().toString();
        ProducerRecord<String, String> dispatch = dispatched(shipmentId, T0.plusSeconds(1200));
        String dispatchId = new String(dispatch.headers().lastHeader("ce_id").value());
        produce(dispatch);
        String dispatchLetter = awaitLetter("order-service.shipments", dispatchId);
        given().auth()
                .oauth2(TestTokens.ops("test-ops"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/ops/dead-letters/" + dispatchLetter + "/replay")
                .then()
                .statusCode(422);
        assertThat(given().when().get("/api/v1/orders/" + order.id()).then().extract().path("status").toString())
                .isEqualTo("RELEASED");

        produce(shipmentCreated(shipmentId, order.id(), T0.plusSeconds(700)));
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.ops("test-ops"))
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .when()
                        .post("/ops/dead-letters/" + dispatchLetter + "/replay")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("REPLAYED")));
        JsonPath replayed = OrderToOdooTest.awaitStatus(order.id(), "DISPATCHED");
        assertThat(replayed.getString("milestones.dispatched")).isEqualTo(T0.plusSeconds(1200).toString());
        // The service kept running: a later event for a known order still applies.
        produce(delivered(shipmentId, T0.plusSeconds(7200)));
        OrderToOdooTest.awaitStatus(order.id(), "DELIVERED");
    }

    @Test
    void theOrderIsDispatchedWhenOdooHasValidatedAllItsTransfers() {
        Released order = released();
        assertThat(order.pickingIds()).isNotEmpty();
        IntStream.range(0, order.pickingIds().size())
                .forEach(i -> produce(
                        pickingDone(order.pickingIds().get(i), order.odooId(), T0.plusSeconds(100 + i))));
        JsonPath dispatched = OrderToOdooTest.awaitStatus(order.id(), "DISPATCHED");
        assertThat(dispatched.getString("history.last().source")).isEqualTo("odoo:test");
        assertThat(dispatched.getString("history.last().detail")).contains("TRK-ODOO");
        // A sale order in Odoo that is not Portage's is skipped, not a dead letter.
        produce(pickingDone(999_999, 999_999, T0));
        produce(invoicePosted("S99999", "INV/OTHER", T0));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> given()
                        .queryParam("consumer", "order-service.erp")
                        .when()
                        .get("/ops/dead-letters")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("key", String.class)
                        .stream()
                        .noneMatch(key -> key.equals("stock.picking/999999") || key.startsWith("account.move/")));
    }

    @Test
    void anOrderCancelledInOdooAfterReleaseIsCancelledAndTheFulfillerIsTold() throws Exception {
        Released order = released();
        cancelInOdoo(order.odooId());

        JsonPath cancelled = OrderToOdooTest.awaitStatus(order.id(), "CANCELLED");
        assertThat(cancelled.getString("cancelReason")).contains(order.odooName());
        assertThat(cancelled.getString("history.last().source")).isEqualTo("odoo:test");
        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.ORDERS,
                record -> order.id().equals(record.key())
                        && EventCatalog.ORDER_CANCELLED_V1.type().equals(TestKafka.header(record, "ce_type")));
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("cancelledBy").path("type").asText()).isEqualTo("SYSTEM");
        assertThat(data.path("cancelledBy").path("id").asText()).isEqualTo("odoo");
        assertThat(TestKafka.header(event, "ce_sequence")).isEqualTo("4");
        given().queryParam("type", "order.cancel-conflict")
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .body("findAll { it.businessKey == '" + order.id() + "' }.size()", equalTo(0));

        // The warehouse picks it anyway: recorded, not applied, and a person is asked to stop it.
        produce(picked(order.id(), UUID.randomUUID().toString(), T0));
        JsonPath after = awaitOrder(order.id(), o -> history(o, "PICKED", "AFTER_CANCELLATION") == 1);
        assertThat(after.getString("status")).isEqualTo("CANCELLED");
        awaitConflict(order.id());
    }

    @Test
    void anOrderCancelledInOdooAfterPickingIsCancelledWithAnExceptionForAPerson() {
        Released order = released();
        produce(picked(order.id(), UUID.randomUUID().toString(), T0));
        OrderToOdooTest.awaitStatus(order.id(), "PICKED");
        cancelInOdoo(order.odooId());
        OrderToOdooTest.awaitStatus(order.id(), "CANCELLED");
        String summary = awaitConflict(order.id());
        assertThat(summary).contains("put the goods back");
    }

    @Test
    void anOrderCancelledInOdooAfterDispatchStaysDispatchedWithAnExceptionForAPerson() {
        Released order = released();
        String shipmentId = UUID.randomUUID().toString();
        produce(shipmentCreated(shipmentId, order.id(), T0));
        produce(dispatched(shipmentId, T0.plusSeconds(60)));
        OrderToOdooTest.awaitStatus(order.id(), "DISPATCHED");
        cancelInOdoo(order.odooId());
        String summary = awaitConflict(order.id());
        assertThat(summary).contains("return or a credit note");
        JsonPath after = given().when().get("/api/v1/orders/" + order.id()).then().extract().jsonPath();
        assertThat(after.getString("status")).isEqualTo("DISPATCHED");
        assertThat(history(after, "DISPATCHED", "ERP_CANCELLED_AFTER_DISPATCH")).isEqualTo(1);
    }

    /** Cancels the sale order in the Odoo stand-in and lets change capture find it (it publishes to portage.erp). */
    void cancelInOdoo(long saleOrderId) {
        odooClient.calls()
                .callOnRecords("sale.order", "action_cancel", List.of(saleOrderId), Map.of())
                .await()
                .atMost(WAIT);
        given().auth().oauth2(TestTokens.ops("test-ops")).when().post("/ops/odoo-sync/poll").then().statusCode(200);
    }

    static String awaitConflict(String orderId) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().queryParam("type", "order.cancel-conflict")
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .<String>get("find { it.businessKey == '" + orderId + "' }.summary"), summary -> summary != null);
    }

    static String awaitLetter(String consumer, String eventId) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().queryParam("consumer", consumer)
                        .when()
                        .get("/ops/dead-letters")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .<String>get("find { it.eventId == '" + eventId + "' }.id"), id -> id != null);
    }
}
