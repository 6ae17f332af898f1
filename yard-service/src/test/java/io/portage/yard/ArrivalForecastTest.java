package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;
import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.portage.yard.service.NoShowTimer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Estimated arrivals: a truck that will miss its slot is told and raised before the slot; a later, better estimate
 * closes it; an older estimate delivered late is kept out; a geofence entry is expected at the gate 15 minutes later.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class ArrivalForecastTest {

    static final String DAY = "2030-11-30";
    static final String AT_RISK = "io.portage.yard.appointment-at-risk.v1";
    static final Instant SLOT = Instant.parse(DAY + "T08:00:00Z");

    @Inject
    NoShowTimer timer;

    @BeforeEach
    void defineSites() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
    }

    static io.restassured.response.ValidatableResponse eta(String appointment, String partner, Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.partner(partner))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/appointments/" + appointment + "/eta")
                .then();
    }

    static io.restassured.response.ValidatableResponse atRiskItems() {
        return given().queryParam("type", "yard.appointment-at-risk").get("/ops/exceptions").then().statusCode(200);
    }

    @Test
    void aTruckThatWillMissItsSlotIsToldOnceAndRaisedUntilABetterEstimate() {
        String appointment = VisitConsumerTest.book("D170", "ASN-ETA-1");
        // Estimates made over the last hour (estimates are made before they are reported).
        Instant early = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

        // 20 minutes late is within the site's 30-minute grace: not at risk.
        eta(appointment, "swift", Map.of("source", "TELEMATICS", "estimatedArrival", SLOT.plusSeconds(1200).toString(),
                "reportedAt", early.toString())).statusCode(200)
                .body("expectedArrival", equalTo(SLOT.plusSeconds(1200).toString()))
                .body("etaSource", equalTo("TELEMATICS"))
                .body("atRiskSince", nullValue());
        // 55 minutes late: at risk, told once however often the estimate repeats.
        for (int i = 0; i < 3; i++) {
            eta(appointment, "swift", Map.of("source", "TELEMATICS", "estimatedArrival", SLOT.plusSeconds(3300).toString(),
                    "reportedAt", early.plusSeconds(600 + i).toString())).statusCode(200)
                    .body("atRiskSince", equalTo(early.plusSeconds(600).toString()));
        }
        List<ConsumerRecord<String, String>> told = TestKafka.recordsWithin(Topics.YARD, Duration.ofSeconds(3),
                r -> appointment.equals(r.key()) && AT_RISK.equals(TestKafka.header(r, "ce_type")));
        assertThat(told).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"minutesLate\":55",
                        "\"source\":\"TELEMATICS\"", "\"estimatedArrival\":\"" + SLOT.plusSeconds(3300) + "\""));
        atRiskItems().body("find { it.businessKey == '" + appointment + "' }.status", equalTo("OPEN"))
                .body("find { it.businessKey == '" + appointment + "' }.ownerRole", equalTo("warehouse"))
                .body("find { it.businessKey == '" + appointment + "' }.payload", containsString("\"minutesLate\":55"));

        // An older estimate delivered late changes nothing.
        eta(appointment, "swift", Map.of("source", "CARRIER", "estimatedArrival", SLOT.toString(), "reportedAt",
                early.plusSeconds(60).toString())).statusCode(200)
                .body("etaSource", equalTo("TELEMATICS"))
                .body("atRiskSince", notNullValue());
        // A newer one back within the grace closes the item by itself.
        eta(appointment, "swift", Map.of("source", "DRIVER", "estimatedArrival", SLOT.plusSeconds(600).toString(),
                "reportedAt", early.plusSeconds(1800).toString())).statusCode(200)
                .body("atRiskSince", nullValue());
        atRiskItems().body("find { it.businessKey == '" + appointment + "' }.status", equalTo("RESOLVED"))
                .body("find { it.businessKey == '" + appointment + "' }.resolvedBy", equalTo("yard-service"));
    }

    @Test
    void aGeofenceEntryIsExpectedAtTheGateLaterAndTheArrivalClosesTheItem() {
        String appointment = VisitConsumerTest.book("D171", "ASN-ETA-2");
        Instant entered = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        eta(appointment, "swift", Map.of("source", "GEOFENCE", "reportedAt", entered.toString())).statusCode(200)
                .body("expectedArrival", equalTo(entered.plusSeconds(900).toString()))
                .body("etaSource", equalTo("GEOFENCE"));
        eta(appointment, "swift", Map.of("source", "TELEMATICS", "estimatedArrival", SLOT.plusSeconds(7200).toString()))
                .statusCode(200)
                .body("atRiskSince", notNullValue());
        atRiskItems().body("find { it.businessKey == '" + appointment + "' }.status", equalTo("OPEN"));
        String visit = "V-" + UUID.randomUUID().toString().substring(0, 8);
        VisitConsumerTest.produce(List.of(VisitConsumerTest.scan(visit, "GATE_IN", "20",
                Map.of("appointmentRef", appointment, "trailerNumber", "T-ETA"))));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/appointments/" + appointment)
                        .then()
                        .body("status", equalTo("ARRIVED")));
        atRiskItems().body("find { it.businessKey == '" + appointment + "' }.status", equalTo("RESOLVED"))
                .body("find { it.businessKey == '" + appointment + "' }.resolution", containsString("the truck arrived"));
        eta(appointment, "swift", Map.of("source", "CARRIER", "estimatedArrival", SLOT.toString())).statusCode(409);
    }

    @Test
    void onlyTheCarriersOwnAppointmentsAndOnlyWithAnEstimateOrAGeofence() {
        String appointment = VisitConsumerTest.book("D172", "ASN-ETA-3");
        eta(appointment, "other-carrier", Map.of("source", "CARRIER", "estimatedArrival", SLOT.toString())).statusCode(404);
        eta(appointment, "swift", Map.of("source", "CARRIER")).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("estimatedArrival"));
        eta(appointment, "swift", Map.of("source", "PIGEON", "estimatedArrival", SLOT.toString())).statusCode(400);
        eta(appointment, "swift", Map.of("source", "CARRIER", "estimatedArrival", SLOT.toString(), "reportedAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString())).statusCode(400)
                .body("violations.field", hasItem("reportedAt"));
        given().auth()
                .oauth2(TestTokens.partner("swift", "appointments:read").sign())
                .contentType(ContentType.JSON)
                .body(Map.of("source", "CARRIER", "estimatedArrival", SLOT.toString()))
                .post("/api/v1/appointments/" + appointment + "/eta")
                .then()
                .statusCode(403);
        atRiskItems().body("businessKey", not(hasItem(appointment)));
    }

    @Test
    void aNoShowClosesItsAtRiskItem() {
        Map<String, Object> risky = new java.util.HashMap<>(YardSites.hours("05:00", "22:00"));
        risky.putAll(Map.of("timeZone", "UTC", "slotMinutes", 15, "docks",
                List.of(YardSites.dock("R", List.of(YardSites.door("R1"))))));
        YardSites.define("RISKY", risky);
        String appointment = YardSites.book("RISKY", "R", "ASN-ETA-4", DAY);
        eta(appointment, "swift", Map.of("source", "TELEMATICS", "estimatedArrival", SLOT.plusSeconds(5400).toString()))
                .statusCode(200);
        atRiskItems().body("find { it.businessKey == '" + appointment + "' }.status", equalTo("OPEN"));
        OnVertx.await(() -> timer.markMissed("RISKY", SLOT.plusSeconds(3600)), Duration.ofSeconds(30));
        atRiskItems().body("find { it.businessKey == '" + appointment + "' }.status", equalTo("RESOLVED"))
                .body("find { it.businessKey == '" + appointment + "' }.resolution", containsString("no-show"));
    }
}
