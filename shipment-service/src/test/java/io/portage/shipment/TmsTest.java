package io.portage.shipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.partners.standin.TmsStandin;
import io.portage.shipment.tms.TmsStandins;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Load planning against the TMS stand-in and yard-service's appointments stand-in: planned shipments tendered, a plan
 * applied (carrier, pickup window) and its dock appointment booked, then moved when a newer plan moves the window; a
 * duplicate and a late plan ignored; the TMS down opening the circuit while the shipment keeps its state, tendered once
 * it is back; yard-service refusing the booking; callbacks without the right signature refused.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(value = TmsStandins.class, restrictToAnnotatedClass = true)
class TmsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @BeforeEach
    void operator() {
        TestTokens.actAsOperator("ops.tina");
        TmsStandins.reset(RestAssured.port);
    }

    private static String plannedShipment() {
        String orderId = OrderStream.random().releasedInOrder().orderId();
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().queryParam("orderId", orderId)
                        .get("/api/v1/shipments")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("[0].id"), id -> id != null);
    }

    private static JsonPath loadPlan(String shipmentId) {
        return given().get("/api/v1/shipments/" + shipmentId + "/load-plan").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitLoadPlan(String shipmentId, java.util.function.Predicate<JsonPath> wanted) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().get("/api/v1/shipments/" + shipmentId + "/load-plan");
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, plan -> plan != null && wanted.test(plan));
    }

    private static JsonNode awaitTender(String shipmentId) {
        return await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> TmsStandins.tms.load(shipmentId),
                        load -> load != null);
    }

    @Test
    void aPlannedShipmentIsTenderedPlannedAndItsDockAppointmentBookedThenMovedNeverBackByALatePlan() {
        String id = plannedShipment();
        JsonNode load = awaitTender(id);
        assertThat(load.path("tender").path("origin").asText()).isEqualTo("WH1");
        assertThat(load.path("tender").path("destination").path("country").asText()).isEqualTo("NL");
        assertThat(load.path("tender").path("callbackUrl").asText()).isEqualTo("http://shipment-service.test/webhooks/tms");
        String loadId = load.path("loadId").asText();
        awaitLoadPlan(id, plan -> "TENDERED".equals(plan.getString("status")) && loadId.equals(plan.getString("loadId")));

        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String first = TmsStandins.tms.plan(id, "freightline", start, start.plus(1, ChronoUnit.HOURS));
        JsonPath planned = awaitLoadPlan(id, plan -> "BOOKED".equals(plan.getString("appointmentStatus")));
        assertThat(planned.getString("status")).isEqualTo("PLANNED");
        assertThat(planned.getString("carrier")).isEqualTo("freightline");
        assertThat(planned.getLong("revision")).isEqualTo(1);
        assertThat(Instant.parse(planned.getString("pickupStart"))).isEqualTo(start);
        UUID appointment = UUID.fromString(planned.getString("appointmentId"));
        JsonNode booked = TmsStandins.yard.appointment(appointment);
        assertThat(booked.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(booked.path("site").asText()).isEqualTo("WH1");
        assertThat(booked.path("carrier").asText()).isEqualTo("freightline");
        assertThat(booked.path("shipments").get(0).asText()).isEqualTo(id);
        assertThat(Instant.parse(booked.path("slotStart").asText())).isEqualTo(start);
        assertThat(TmsStandins.yard.bookings()).isEqualTo(1);

        TmsStandins.tms.resend(id, first);
        Instant later = start.plus(3, ChronoUnit.HOURS);
        TmsStandins.tms.plan(id, "freightline", later, later.plus(1, ChronoUnit.HOURS));
        JsonPath moved = awaitLoadPlan(id, plan -> plan.getLong("revision") == 2
                && "BOOKED".equals(plan.getString("appointmentStatus")));
        assertThat(Instant.parse(moved.getString("appointmentStart"))).isEqualTo(later);
        assertThat(moved.getString("appointmentId")).as("the same appointment, moved").isEqualTo(appointment.toString());
        assertThat(Instant.parse(TmsStandins.yard.appointment(appointment).path("slotStart").asText())).isEqualTo(later);
        assertThat(TmsStandins.yard.reschedules()).isEqualTo(1);

        TmsStandins.tms.resend(id, first);
        signed(first).statusCode(200).body("applied", equalTo(false)).body("revision", equalTo(1));
        JsonPath after = loadPlan(id);
        assertThat(after.getLong("revision")).as("the late revision 1 changed nothing").isEqualTo(2);
        assertThat(Instant.parse(after.getString("pickupStart"))).isEqualTo(later);
        assertThat(TmsStandins.yard.bookings()).isEqualTo(1);
        assertThat(TmsStandins.yard.reschedules()).isEqualTo(1);
        assertThat(TmsStandins.tms.calls("POST /api/loads")).as("tendered once").isGreaterThanOrEqualTo(1);
    }

    @Test
    void whileTheTmsIsDownTheCircuitOpensTheShipmentKeepsItsStateAndTheTenderGoesOnceItIsBack() {
        TmsStandins.tms.down(true);
        String id = plannedShipment();
        JsonPath waiting = awaitLoadPlan(id, plan -> plan.getString("tenderError") != null
                && plan.getString("tenderError").contains("circuit open"));
        assertThat(waiting.getString("status")).isEqualTo("TO_TENDER");
        given().get("/api/v1/shipments/" + id).then().statusCode(200).body("status", equalTo("PLANNED"));
        int calls = TmsStandins.tms.calls("POST /api/loads");

        TmsStandins.tms.down(false);
        awaitLoadPlan(id, plan -> "TENDERED".equals(plan.getString("status")));
        assertThat(TmsStandins.tms.calls("POST /api/loads")).isGreaterThan(calls);
        given().get("/api/v1/shipments/" + id).then().body("status", equalTo("PLANNED"));
    }

    @Test
    void aBookingYardServiceRefusesWaitsForAPerson() {
        String id = plannedShipment();
        awaitTender(id);
        TmsStandins.yard.refusing(true);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TmsStandins.tms.plan(id, "freightline", start, start.plus(1, ChronoUnit.HOURS));
        JsonPath refused = awaitLoadPlan(id, plan -> "REFUSED".equals(plan.getString("appointmentStatus")));
        assertThat(refused.getString("appointmentError")).contains("422");
        given().queryParam("type", "shipment.dock-appointment-refused")
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .body(containsString(id));
    }

    @Test
    void callbacksWithoutTheRightSignatureOrPlanAreRefused() {
        String plan = """
                {"event":"load.planned","loadId":"LD-X","reference":"%s","revision":1,"carrier":"freightline",
                 "pickupWindow":{"start":"2027-01-05T08:00:00Z","end":"2027-01-05T09:00:00Z"}}""".formatted(UUID.randomUUID());
        given().contentType("application/json")
                .body(plan)
                .post("/webhooks/tms")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .header("X-Tms-Signature", TmsStandin.signature("wrong", plan))
                .body(plan)
                .post("/webhooks/tms")
                .then()
                .statusCode(401);
        signed(plan).statusCode(404).contentType("application/problem+json");
        signed("{\"event\":\"load.planned\",\"revision\":1}").statusCode(400).body("violations[0].field", equalTo("body"));
    }

    private static io.restassured.response.ValidatableResponse signed(String body) {
        return given().contentType("application/json")
                .header("X-Tms-Signature", TmsStandin.signature(TmsStandins.SECRET, body))
                .body(body)
                .post("/webhooks/tms")
                .then();
    }
}
