package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.portage.yard.service.NoShowTimer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Adherence (on time, late, no-show) and the wait from arrival to the door, as an API and as Prometheus metrics. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class MeasuresTest {

    static final String DAY = "2030-12-03";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NoShowTimer timer;

    @BeforeEach
    void defineSite() {
        TestTokens.actAsOperator("test-operator");
        Map<String, Object> site = new HashMap<>(YardSites.hours("05:00", "22:00"));
        site.putAll(Map.of("timeZone", "UTC", "slotMinutes", 15, "docks", List.of(
                YardSites.dock("M1", List.of(YardSites.door("M1-1"))), YardSites.dock("M2", List.of(YardSites.door("M2-1"))),
                YardSites.dock("M3", List.of(YardSites.door("M3-1"))))));
        YardSites.define("MEASURE", site);
    }

    static String book(String dock) {
        return YardSites.book("MEASURE", dock, "M-" + dock, DAY);
    }

    static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + ":00Z");
    }

    @Test
    void onTimeLateAndNoShowAndTheWaitToTheDoor() {
        String onTime = book("M1");
        String late = book("M2");
        book("M3");
        String first = "V-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "V-" + UUID.randomUUID().toString().substring(0, 8);
        VisitConsumerTest.produce(List.of(
                VisitConsumerTest.scan(first, "GATE_IN", at("07:55"), Map.of("appointmentRef", onTime, "trailerNumber", "T-1",
                        "site", "MEASURE")),
                VisitConsumerTest.scan(first, "UNLOADING_STARTED", at("08:15"), Map.of("site", "MEASURE")),
                VisitConsumerTest.scan(second, "GATE_IN", at("08:20"), Map.of("appointmentRef", late, "trailerNumber", "T-2",
                        "site", "MEASURE")),
                VisitConsumerTest.scan(second, "UNLOADING_STARTED", at("09:00"), Map.of("site", "MEASURE"))));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/api/v1/appointments/" + late)
                        .then()
                        .body("status", equalTo("IN_PROGRESS")));
        OnVertx.await(() -> timer.markMissed("MEASURE", at("08:30")), WAIT);

        given().queryParam("date", DAY)
                .get("/ops/yard/sites/MEASURE/measures")
                .then()
                .statusCode(200)
                .body("appointments", equalTo(3))
                .body("onTime", equalTo(1))
                .body("late", equalTo(1))
                .body("noShow", equalTo(1))
                .body("expected", equalTo(0))
                .body("averageWaitMinutes", equalTo(30))
                .body("longestWaitMinutes", equalTo(40));
        given().auth()
                .none()
                .get("/q/metrics")
                .then()
                .body(containsString("portage_yard_arrivals_total{adherence=\"on_time\",site=\"MEASURE\"} 1.0"))
                .body(containsString("portage_yard_arrivals_total{adherence=\"late\",site=\"MEASURE\"} 1.0"))
                .body(containsString("portage_yard_no_shows_total{site=\"MEASURE\"} 1.0"))
                .body(containsString("portage_yard_wait_seconds_count{site=\"MEASURE\"} 2"));
        given().auth()
                .oauth2(TestTokens.partner("swift"))
                .queryParam("date", DAY)
                .get("/ops/yard/sites/MEASURE/measures")
                .then()
                .statusCode(403);
    }
}
