package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

/** The no-show timer after the site's grace period, and a late arrival recorded against the appointment. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class NoShowTest {

    static final String DAY = "2030-12-02";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NoShowTimer timer;

    @BeforeEach
    void defineSite() {
        TestTokens.actAsOperator("test-operator");
        Map<String, Object> site = new HashMap<>(YardSites.hours("05:00", "22:00"));
        site.putAll(Map.of("timeZone", "UTC", "slotMinutes", 15, "noShowGraceMinutes", 15, "docks",
                List.of(YardSites.dock("N1", List.of(YardSites.door("N1-1"))), YardSites.dock("N2",
                        List.of(YardSites.door("N2-1"))))));
        YardSites.define("NOSHOW", site);
    }

    static String book(String dock, String reference) {
        return YardSites.book("NOSHOW", dock, reference, DAY);
    }

    int markMissed(String at) {
        return OnVertx.await(() -> timer.markMissed("NOSHOW", Instant.parse(DAY + "T" + at + "Z")), WAIT);
    }

    @Test
    void aTruckNotArrivedByTheEndOfTheGraceIsANoShowAndALateArrivalIsRecorded() {
        String missed = book("N1", "NS-1");
        String onTime = book("N2", "NS-2");
        String visit = "V-" + UUID.randomUUID().toString().substring(0, 8);
        VisitConsumerTest.produce(List
                .of(VisitConsumerTest.scan(visit, "GATE_IN", Instant.parse(DAY + "T08:05:00Z"), Map.of("appointmentRef", onTime,
                        "trailerNumber", "T-1", "site", "NOSHOW"))));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/api/v1/appointments/" + onTime)
                        .then()
                        .body("status",
                                equalTo("ARRIVED")));

        assertThat(markMissed("08:14:59")).isZero();
        assertThat(markMissed("08:15:00")).isEqualTo(1);
        assertThat(markMissed("08:20:00")).isZero();
        given().get("/api/v1/appointments/" + missed).then().body("status", equalTo("NO_SHOW"));
        given().get("/api/v1/appointments/" + onTime).then().body("status", equalTo("ARRIVED"));
        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.YARD, r -> missed.equals(r.key())
                && "io.portage.yard.appointment-missed.v1".equals(TestKafka.header(r, "ce_type")));
        assertThat(event.value()).contains("\"markedMissedAt\":\"" + DAY + "T08:15:00Z\"");

        String late = "V-" + UUID.randomUUID().toString().substring(0, 8);
        VisitConsumerTest.produce(List
                .of(VisitConsumerTest.scan(late, "GATE_IN", Instant.parse(DAY + "T08:40:00Z"), Map.of("appointmentRef", missed,
                        "trailerNumber", "T-2", "site", "NOSHOW"))));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/api/v1/appointments/" + missed)
                        .then()
                        .body("arrivedAt", equalTo(DAY + "T08:40:00Z")));
        given().get("/api/v1/appointments/" + missed).then().body("status", equalTo("NO_SHOW"));
        given().get("/ops/yard/sites/NOSHOW/visits/" + late).then().body("appointmentId", equalTo(missed));
    }
}
