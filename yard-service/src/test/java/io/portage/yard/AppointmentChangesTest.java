package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Rescheduling and cancelling by carriers (their own only) and operators, and the Idempotency-Key on every change. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class AppointmentChangesTest {

    static final String DAY = "2030-11-28";
    /** Docks D150 and up: AppointmentResourceTest books from D101. */
    private static final AtomicInteger DOCKS = new AtomicInteger(150);

    @BeforeEach
    void defineSites() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
    }

    static Map<String, Object> booking(String dock, String reference, String start, String end) {
        return new HashMap<>(Map.of("site", "WH1", "dock", dock, "direction", "INBOUND", "carrier", "Swift Freight",
                "reference", reference, "slotStart", DAY + "T" + start + ":00Z", "slotEnd", DAY + "T" + end + ":00Z"));
    }

    static RequestSpecification as(String partner) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.partner(partner));
    }

    static String book(String dock, String reference, String start, String end) {
        return as("swift").body(booking(dock, reference, start, end))
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> slot(String start, String end) {
        return new HashMap<>(Map.of("slotStart", DAY + "T" + start + ":00Z", "slotEnd", DAY + "T" + end + ":00Z"));
    }

    @Test
    void aCarrierCancelsItsOwnAppointmentAndTheDoorIsFreeAgain() {
        String dock = "D" + DOCKS.incrementAndGet();
        String id = book(dock, "PO-C1", "08:00", "09:00");
        as("other").body(Map.of("reason", "Not mine")).post("/api/v1/appointments/" + id + "/cancel").then().statusCode(404);
        as("swift").body(Map.of("reason", "Order moved"))
                .post("/api/v1/appointments/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("statusReason", equalTo("Order moved"));
        // Again: unchanged, no second event.
        as("swift").post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.YARD,
                r -> id.equals(r.key()) && "io.portage.yard.appointment-cancelled.v1".equals(TestKafka.header(r, "ce_type")));
        assertThat(event.value()).contains("\"cancelledBy\":\"swift\"").contains("\"reason\":\"Order moved\"");
        assertThat(TestKafka.header(event, "ce_sequence")).isEqualTo("2");
        book(dock, "PO-C2", "08:00", "09:00");
        as("swift").body(slot("10:00", "11:00"))
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://docs.portage.io/problems/appointment-state"));
    }

    @Test
    void rescheduleKeepsToTheRulesAndTheDoors() {
        String dock = "D" + DOCKS.incrementAndGet();
        String id = book(dock, "PO-R1", "08:00", "09:00");
        book(dock, "PO-R2", "10:00", "11:00");
        as("swift").body(slot("10:30", "11:30"))
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then()
                .statusCode(409)
                .body("rule", equalTo("capacity"));
        as("swift").body(slot("23:00", "23:30"))
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then()
                .statusCode(422)
                .body("rule", equalTo("opening-hours"));
        as("other").body(slot("12:00", "13:00")).post("/api/v1/appointments/" + id + "/reschedule").then().statusCode(404);
        Map<String, Object> later = slot("12:00", "13:00");
        later.put("reason", "Trailer delayed");
        as("swift").body(later)
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then()
                .statusCode(200)
                .body("slotStart", equalTo(DAY + "T12:00:00Z"))
                .body("door", equalTo(dock + "-1"));
        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.YARD,
                r -> id.equals(r.key()) && "io.portage.yard.appointment-rescheduled.v1".equals(TestKafka.header(r, "ce_type")));
        assertThat(event.value()).contains("\"previousSlotStart\":\"" + DAY + "T08:00:00Z\"")
                .contains("\"reason\":\"Trailer delayed\"");
        // The old slot is free again; an operator moves anyone's appointment.
        book(dock, "PO-R3", "08:00", "09:00");
        given().contentType(ContentType.JSON)
                .body(slot("14:00", "15:00"))
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then()
                .statusCode(200)
                .body("slotStart", equalTo(DAY + "T14:00:00Z"));
    }

    @Test
    void theSameKeyAndBodyGetTheSameAnswerAnotherBodyIsRefused() {
        String dock = "D" + DOCKS.incrementAndGet();
        Map<String, Object> body = booking(dock, "PO-K1", "08:00", "09:00");
        String id = as("swift").header("Idempotency-Key", "k-1")
                .body(body)
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("swift").header("Idempotency-Key", "k-1")
                .body(body)
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .body("id", equalTo(id));
        Map<String, Object> other = booking(dock, "PO-K2", "10:00", "11:00");
        as("swift").header("Idempotency-Key", "k-1")
                .body(other)
                .post("/api/v1/appointments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/idempotency-key-reused"));
        // Another partner's key of the same name is its own.
        as("acme").header("Idempotency-Key", "k-1").body(other).post("/api/v1/appointments").then().statusCode(201);
        given().queryParam("site", "WH1")
                .queryParam("date", DAY)
                .get("/api/v1/appointments")
                .then()
                .body("findAll { it.dock == '" + dock + "' }", hasSize(2));
        as("swift").header("Idempotency-Key", "k-2")
                .body(slot("12:00", "13:00"))
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then()
                .statusCode(200);
        // The same reschedule again answers the appointment; the key on a cancel is another request.
        as("swift").header("Idempotency-Key", "k-2")
                .body(slot("12:00", "13:00"))
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then()
                .statusCode(200)
                .body("slotStart", equalTo(DAY + "T12:00:00Z"));
        as("swift").header("Idempotency-Key", "k-2").post("/api/v1/appointments/" + id + "/cancel").then().statusCode(422);
        as("swift").header("Idempotency-Key", "bad key")
                .post("/api/v1/appointments/" + id + "/cancel")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }
}
