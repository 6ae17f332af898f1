package io.portage.shipment;

import static io.portage.shipment.LabelTest.TWO_PARCELS;
import static io.portage.shipment.LabelTest.plannedShipment;
import static io.portage.shipment.LabelTest.post;
import static io.portage.shipment.OrderEventsConsumerTest.awaitShipmentEvent;
import static io.portage.shipment.OrderEventsConsumerTest.awaitStatus;
import static io.portage.shipment.TrackingTest.trackingOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.contracts.shipment.CarrierStatusReported;
import io.portage.contracts.warehouse.ShipConfirmed;
import io.portage.shipment.carriers.CarrierStandins;
import io.portage.shipment.messaging.CarrierStatusHandler;
import io.portage.shipment.messaging.ShipConfirmedHandler;
import io.portage.shipment.service.ShipConfirmations;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OpsCalls;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What edi-gateway relays, produced to real Kafka as it writes it: an EDI-only carrier's X12 214 statuses
 * (CarrierStatusReported on portage.shipments) tracking a freight shipment shuffled and duplicated, and a 3PL's 945
 * (ShipConfirmed on portage.warehouse) dispatching its order's shipment once.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
class EdiEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Map<String, Object> PALLET = Map.of("parcels", List.of(Map.of("weightKg", 240, "lengthCm", 120,
            "widthCm", 80, "heightCm", 150)));

    @BeforeEach
    void operatorAndPromptCarriers() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    static ProducerRecord<String, String> status(String id, String pro, long sequence, String code, String reason,
            Instant at) throws Exception {
        var data = new CarrierStatusReported(pro, "freightline", "FRLN", "BOL-" + pro, code, reason, at, "Venlo", "LI",
                "NL");
        return CloudEventRecords.binary(Topics.SHIPMENTS, id, EventCatalog.CARRIER_STATUS_REPORTED_V1.type(), pro,
                JSON.writeValueAsString(data), Map.of("sequence", Long.toString(sequence)));
    }

    static ProducerRecord<String, String> shipConfirmed(String id, String orderId, String trackingNumber,
            List<ShipConfirmed.Line> lines) throws Exception {
        var data = new ShipConfirmed(orderId, "3pl-rotterdam", "FRLN", trackingNumber, "SHP-1", lines, Instant.now());
        return CloudEventRecords.binary(Topics.WAREHOUSE, id, EventCatalog.SHIP_CONFIRMED_V1.type(), orderId,
                JSON.writeValueAsString(data), Map.of("sequence", "1"));
    }

    private static String orderOf(String shipmentId) {
        return given().when().get("/api/v1/shipments/" + shipmentId).then().statusCode(200).extract().path("orderId");
    }

    private static double metric(String outcome) {
        String body = given().auth().none().when().get("/q/metrics").then().extract().asString();
        return body.lines()
                .filter(line -> line.startsWith("portage_tracking_scans_total{") && line.contains("outcome=\"" + outcome + "\"")
                        && line.contains("source=\"EDI\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void x12StatusesShuffledAndDuplicatedEndDeliveredWithTheirCodesAndReasons() throws Exception {
        String id = plannedShipment();
        String pro = post("/api/v1/shipments/" + id + "/label", PALLET).statusCode(201)
                .extract()
                .path("shipment.label.trackingNumber");
        post("/api/v1/shipments/" + id + "/dispatch", Map.of()).statusCode(200);
        double unmatchedBefore = metric("unmatched");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        String[][] statuses = {{"AF", "NS"}, {"X6", "NS"}, {"X1", "NS"}, {"D1", "NS"}};
        for (int i = 0; i < statuses.length; i++) {
            String eventId = UUID.randomUUID().toString();
            var record = status(eventId, pro, i + 1, statuses[i][0], statuses[i][1], start.plusSeconds(60L * i));
            records.add(record);
            records.add(record);
            records.add(status(UUID.randomUUID().toString(), pro, i + 1, statuses[i][0], statuses[i][1],
                    start.plusSeconds(60L * i)));
        }
        records.add(status(UUID.randomUUID().toString(), "NO-SUCH-PRO-" + UUID.randomUUID(), 1, "AF", "NS", start));
        String poison = UUID.randomUUID().toString();
        records.add(CloudEventRecords.binary(Topics.SHIPMENTS, poison, EventCatalog.CARRIER_STATUS_REPORTED_V1.type(), pro,
                "{\"trackingNumber\":\"" + pro + "\",\"carrier\":\"freightline\"}", Map.of("sequence", "9")));
        Collections.shuffle(records, new Random(7));
        OrderStream.produce(records.toArray(ProducerRecord[]::new));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> trackingOf(id).body("[0].status", equalTo("DELIVERED"))
                        .body("[0].scans", hasSize(4))
                        .body("[0].scans.rawCode", containsInAnyOrder("AF", "X6", "X1", "D1"))
                        .body("[0].scans.source", hasItem("EDI"))
                        .body("[0].scans.rawMessage", hasItem("X12 214 D1 reason NS (LI)")));
        var proof = awaitShipmentEvent(id, EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1);
        assertThat(proof.value()).contains("\"trackingNumber\":\"" + pro + "\"").contains("\"proofType\":\"SIGNATURE\"");
        assertThat(TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(2),
                r -> id.equals(r.key())
                        && EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1.type().equals(TestKafka.header(r, "ce_type"))))
                .hasSize(1);
        List<Long> sequences = TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(2), r -> id.equals(r.key()))
                .stream()
                .map(r -> Long.parseLong(TestKafka.header(r, "ce_sequence")))
                .sorted()
                .toList();
        assertThat(sequences).as("the shipment's facts, tracking ones included, numbered 1, 2, 3, ... once each")
                .hasSizeGreaterThanOrEqualTo(5)
                .isEqualTo(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("unmatched") >= unmatchedBefore + 1);

        OpsCalls.awaitOpenDeadLetter(CarrierStatusHandler.CONSUMER, poison);
        var letter = TestKafka.awaitRecord("portage.dlq.shipment-service", r -> poison.equals(TestKafka.header(r, "ce_id")));
        assertThat(TestKafka.header(letter, "dead-letter-reason")).contains("statusCode");
    }

    @Test
    void aShippingAdviceDispatchesItsOrdersShipmentOnceWithTheLinesShipped() throws Exception {
        String id = plannedShipment();
        String number = post("/api/v1/shipments/" + id + "/label", TWO_PARCELS).statusCode(201)
                .extract()
                .path("shipment.label.trackingNumber");
        String orderId = orderOf(id);
        List<String> skus = given().when().get("/api/v1/shipments/" + id).then().extract().path("lines.sku");
        var lines = List.of(
                new ShipConfirmed.Line(1, skus.get(0), new java.math.BigDecimal("1"), new java.math.BigDecimal("1")),
                new ShipConfirmed.Line(2, skus.get(1), new java.math.BigDecimal("2.5"), java.math.BigDecimal.ZERO));
        String eventId = UUID.randomUUID().toString();
        var advice = shipConfirmed(eventId, orderId, number, lines);
        var other = CloudEventRecords.binary(Topics.WAREHOUSE, UUID.randomUUID().toString(),
                EventCatalog.PICK_CONFIRMED_V1.type(), orderId, "{\"orderId\":\"" + orderId + "\"}", Map.of("sequence", "1"));
        OrderStream.produce(other, advice, advice, shipConfirmed(UUID.randomUUID().toString(), orderId, number, lines));

        awaitStatus(id, "DISPATCHED");
        given().when()
                .get("/api/v1/shipments/" + id)
                .then()
                .body("shippedLines.sku", org.hamcrest.Matchers.contains(skus.get(0)));
        awaitShipmentEvent(id, EventCatalog.SHIPMENT_DISPATCHED_V1);
        OrderEventsConsumerTest.awaitShipments(orderId, 2);
        assertThat(TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(2),
                r -> id.equals(r.key()) && EventCatalog.SHIPMENT_DISPATCHED_V1.type().equals(TestKafka.header(r, "ce_type"))))
                .hasSize(1);
        trackingOf(id).body("$", hasSize(1)).body("[0].trackingNumber", equalTo(number));
        given().queryParam("type", ShipConfirmations.UNMATCHED)
                .when()
                .get("/ops/exceptions")
                .then()
                .body("businessKey", org.hamcrest.Matchers.not(hasItem(orderId)));
    }

    @Test
    void anAdviceForAnOrderWithoutALabelledShipmentIsAnExceptionAndAnUnreadableOneADeadLetter() throws Exception {
        String planned = plannedShipment();
        String orderId = orderOf(planned);
        String unknownOrder = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        OrderStream.produce(shipConfirmed(UUID.randomUUID().toString(), orderId, "FL000", List.of()),
                shipConfirmed(UUID.randomUUID().toString(), unknownOrder, "FL001", List.of()),
                CloudEventRecords.binary(Topics.WAREHOUSE, poison, EventCatalog.SHIP_CONFIRMED_V1.type(), "x",
                        "{\"orderId\":\"not-a-uuid\"}", Map.of("sequence", "1")));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("type", ShipConfirmations.UNMATCHED)
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .body("businessKey", hasItem(orderId))
                        .body("businessKey", hasItem(unknownOrder)));
        given().when().get("/api/v1/shipments/" + planned).then().body("status", equalTo("PLANNED"));
        OpsCalls.awaitOpenDeadLetter(ShipConfirmedHandler.CONSUMER, poison);
    }
}
