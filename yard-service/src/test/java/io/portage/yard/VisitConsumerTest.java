package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Gate, yard and dock scans from portage.warehouse, shuffled and repeated, build one visit and move its appointment. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class VisitConsumerTest {

    static final String DAY = "2030-11-30";
    static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void defineSites() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
    }

    static String book(String dock, String reference) {
        return YardSites.book("WH1", dock, reference, DAY);
    }

    /** A scan of {@code visit} at 08:{@code minute} on the test's day; {@code extra} adds fields or replaces them. */
    static ProducerRecord<String, String> scan(String visit, String movement, String minute, Map<String, String> extra) {
        return scanAt(visit, movement, DAY + "T08:" + minute + ":00Z", extra);
    }

    static ProducerRecord<String, String> scan(String visit, String movement, Instant at, Map<String, String> extra) {
        return scanAt(visit, movement, at.toString(), extra);
    }

    private static ProducerRecord<String, String> scanAt(String visit, String movement, String at,
            Map<String, String> extra) {
        Map<String, Object> data = new HashMap<>(Map.of("visitId", visit, "site", "WH1", "movement", movement, "occurredAt",
                at));
        data.putAll(extra);
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return CloudEventRecords.binary(EventCatalog.YARD_SCAN_RECORDED_V1.topic(), UUID.randomUUID().toString(),
                EventCatalog.YARD_SCAN_RECORDED_V1.type(), visit, json, Map.of("sequence", "1"));
    }

    static void produce(List<ProducerRecord<String, String>> records) {
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
    }

    static io.restassured.response.ValidatableResponse visit(String visitId) {
        return given().get("/ops/yard/sites/WH1/visits/" + visitId).then();
    }

    @Test
    void aShuffledAndRepeatedStreamOfAVisitsScansEndsInOneVisitAndCompletesItsAppointment() {
        String appointment = book("D190", "ASN-V1");
        String visitId = "V-" + UUID.randomUUID().toString().substring(0, 8);
        List<ProducerRecord<String, String>> scans = List.of(
                scan(visitId, "GATE_IN", "02", Map.of("appointmentRef", appointment, "trailerNumber", "SWFU 1", "carrier",
                        "Swift Freight", "sealNumber", "SEAL-1")),
                scan(visitId, "YARD_SPOT", "05", Map.of("yardSpot", "Y-12")),
                scan(visitId, "UNLOADING_STARTED", "20", Map.of()),
                scan(visitId, "UNLOADING_COMPLETED", "50", Map.of()),
                scan(visitId, "GATE_OUT", "58", Map.of()));
        List<ProducerRecord<String, String>> delivered = new ArrayList<>(scans);
        delivered.addAll(scans.subList(0, 3));
        Collections.shuffle(delivered, new Random(7));
        produce(delivered);

        await().atMost(WAIT).untilAsserted(() -> visit(visitId).statusCode(200).body("status", equalTo("DEPARTED")));
        visit(visitId).body("appointmentId", equalTo(appointment))
                .body("door", equalTo("D190-1"))
                .body("doorSource", equalTo("rule:appointment-door"))
                .body("trailerNumber", equalTo("SWFU 1"))
                .body("yardSpot", equalTo("Y-12"))
                .body("arrivedAt", equalTo(DAY + "T08:02:00Z"))
                .body("dwellMinutes", equalTo(56));
        given().get("/api/v1/appointments/" + appointment).then().body("status", equalTo("COMPLETED"));
        given().get("/ops/yard/sites/WH1/visits").then().body("visitId", not(hasItem(visitId)));

        // Its followers are told each step once, whatever the scans' order and repeats.
        List<ConsumerRecord<String, String>> told = TestKafka.recordsWithin(Topics.YARD, Duration.ofSeconds(3),
                r -> appointment.equals(r.key()) && !TestKafka.header(r, "ce_type").contains("appointment-booked"));
        assertThat(told).extracting(r -> TestKafka.header(r, "ce_type"))
                .containsExactlyInAnyOrder("io.portage.yard.trailer-checked-in.v1", "io.portage.yard.dock-assigned.v1",
                        "io.portage.yard.unloading-started.v1", "io.portage.yard.trailer-checked-out.v1");
        assertThat(told).extracting(r -> TestKafka.header(r, "ce_sequence")).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(told).filteredOn(r -> TestKafka.header(r, "ce_type").contains("trailer-checked-in"))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"trailerNumber\":\"SWFU 1\"", "\"sealNumber\":\"SEAL-1\"",
                        "\"carrier\":\"Swift Freight\"", "\"checkedInAt\":\"" + DAY + "T08:02:00Z\""));
        assertThat(told).filteredOn(r -> TestKafka.header(r, "ce_type").contains("dock-assigned"))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"dock\":\"D190-1\""));
    }

    @Test
    void anOperatorMovingAPlannedTruckToAnotherDoorIsTold() {
        String appointment = book("D192", "ASN-V3");
        String visitId = "V-" + UUID.randomUUID().toString().substring(0, 8);
        // Arrived ten minutes ago: the operator's assignment, now, is the latest door.
        produce(List.of(scan(visitId, "GATE_IN", Instant.now().minusSeconds(600),
                Map.of("appointmentRef", appointment, "trailerNumber", "T-3"))));
        await().atMost(WAIT).untilAsserted(() -> visit(visitId).statusCode(200).body("door", equalTo("D192-1")));
        given().contentType(ContentType.JSON)
                .body(Map.of("door", "M1"))
                .put("/ops/yard/sites/WH1/visits/" + visitId + "/door")
                .then()
                .statusCode(200);
        List<ConsumerRecord<String, String>> doors = TestKafka.recordsWithin(Topics.YARD, Duration.ofSeconds(3),
                r -> appointment.equals(r.key()) && TestKafka.header(r, "ce_type").contains("dock-assigned"));
        assertThat(doors).extracting(ConsumerRecord::value)
                .satisfiesExactly(first -> assertThat(first).contains("\"dock\":\"D192-1\""),
                        second -> assertThat(second).contains("\"dock\":\"M1\""));
    }

    @Test
    void anArrivalWithoutAnAppointmentIsAnUnplannedVisitAnOperatorSendsToADoor() {
        String visitId = "V-" + UUID.randomUUID().toString().substring(0, 8);
        produce(List.of(scan(visitId, "GATE_IN", "10", Map.of("trailerNumber", "XYZ 9", "driver", "A. Driver"))));
        await().atMost(WAIT).untilAsserted(() -> visit(visitId).statusCode(200).body("status", equalTo("ARRIVED")));
        visit(visitId).body("appointmentId", nullValue()).body("door", nullValue());
        given().get("/ops/yard/sites/WH1/visits").then().statusCode(200).body("visitId", hasItem(visitId));
        given().contentType(ContentType.JSON)
                .body(Map.of("door", "M2"))
                .put("/ops/yard/sites/WH1/visits/" + visitId + "/door")
                .then()
                .statusCode(200)
                .body("door", equalTo("M2"))
                .body("status", equalTo("AT_DOOR"))
                .body("doorSource", equalTo("operator:test-operator"));
        given().auth().oauth2(TestTokens.partner("swift")).get("/ops/yard/sites/WH1/visits/" + visitId).then().statusCode(403);
        given().get("/ops/yard/sites/WH1/visits/NO-SUCH").then().statusCode(404);
    }

    @Test
    void anArrivalNamingTheBookingReferenceFindsItsAppointment() {
        String appointment = book("D191", "ASN-V2");
        String visitId = "V-" + UUID.randomUUID().toString().substring(0, 8);
        produce(List.of(scan(visitId, "GATE_IN", "12", Map.of("appointmentRef", "ASN-V2", "trailerNumber", "T-2"))));
        await().atMost(WAIT).untilAsserted(() -> visit(visitId).statusCode(200).body("appointmentId", equalTo(appointment)));
        given().get("/api/v1/appointments/" + appointment).then().body("status", equalTo("ARRIVED"));
    }
}
