package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.Topics;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Detention charged once at gate-out by the carrier's terms, with its evidence, also when the gate-out comes twice. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class DetentionTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TYPE = "io.portage.yard.detention-charged.v2";

    @BeforeEach
    void defineSiteAndTerms() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
        given().contentType(ContentType.JSON)
                .body(Map.of("freeMinutes", 60, "hourlyRate", 50.00, "currency", "EUR", "roundingMinutes", 30,
                        "maximumCharge", 100.00))
                .put("/ops/yard/carriers/swift/detention")
                .then()
                .statusCode(200)
                .body("roundingMinutes", equalTo(30));
    }

    static Instant at(String time) {
        return Instant.parse(VisitConsumerTest.DAY + "T" + time + ":00Z");
    }

    @Test
    void aLateTrucksDetentionRunsFromItsArrivalToGateOutOnce() throws Exception {
        String appointment = VisitConsumerTest.book("D196", "ASN-DET-1");
        String visit = "V-" + UUID.randomUUID().toString().substring(0, 8);
        ProducerRecord<String, String> gateOut = VisitConsumerTest.scan(visit, "GATE_OUT", at("10:25"), Map.of());
        VisitConsumerTest.produce(List.of(gateOut,
                VisitConsumerTest.scan(visit, "GATE_IN", at("08:10"), Map.of("appointmentRef", appointment, "trailerNumber",
                        "T-D1")),
                VisitConsumerTest.scan(visit, "UNLOADING_COMPLETED", at("10:00"), Map.of()), gateOut,
                VisitConsumerTest.scan(visit, "GATE_OUT", at("10:26"), Map.of())));

        ConsumerRecord<String, String> charged = TestKafka.awaitRecord(Topics.YARD,
                r -> appointment.equals(r.key()) && TYPE.equals(TestKafka.header(r, "ce_type")));
        JsonNode data = new ObjectMapper().readTree(charged.value());
        assertThat(data.path("carrier").asText()).isEqualTo("swift");
        assertThat(data.path("visitId").asText()).isEqualTo(visit);
        assertThat(data.path("clockStart").asText()).isEqualTo("LATE_ARRIVAL");
        assertThat(data.path("clockStartedAt").asText()).isEqualTo(at("08:10").toString());
        assertThat(data.path("clockStoppedAt").asText()).isEqualTo(at("10:25").toString());
        assertThat(data.path("slotStart").asText()).isEqualTo(at("08:00").toString());
        assertThat(data.path("minutes").asInt()).isEqualTo(90);
        assertThat(data.path("amount").path("amount").asText()).isEqualTo("75.00");
        assertThat(data.path("hourlyRate").path("amount").asText()).isEqualTo("50.00");
        assertThat(data.path("freeMinutes").asInt()).isEqualTo(60);
        assertThat(data.path("maximumCharge").path("amount").asText()).isEqualTo("100.00");

        // A gate-out delivered again, or scanned again, charges nothing more.
        VisitConsumerTest.produce(List.of(gateOut, VisitConsumerTest.scan(visit, "GATE_OUT", at("11:00"), Map.of())));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/ops/yard/sites/WH1/visits/" + visit)
                        .then()
                        .body("departedAt", equalTo(at("10:25").toString())));
        assertThat(TestKafka.recordsWithin(Topics.YARD, Duration.ofSeconds(3),
                r -> appointment.equals(r.key()) && TYPE.equals(TestKafka.header(r, "ce_type")))).hasSize(1);
    }

    @Test
    void aCarrierWithinItsFreeTimeOrWithoutTermsIsNotCharged() {
        String appointment = VisitConsumerTest.book("D197", "ASN-DET-2");
        String visit = "V-" + UUID.randomUUID().toString().substring(0, 8);
        VisitConsumerTest.produce(List.of(
                VisitConsumerTest.scan(visit, "GATE_IN", at("07:50"), Map.of("appointmentRef", appointment, "trailerNumber",
                        "T-D2")),
                VisitConsumerTest.scan(visit, "GATE_OUT", at("08:55"), Map.of())));
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/api/v1/appointments/" + appointment)
                        .then()
                        .body("status", equalTo("COMPLETED")));
        assertThat(TestKafka.recordsWithin(Topics.YARD, Duration.ofSeconds(3),
                r -> appointment.equals(r.key()) && TYPE.equals(TestKafka.header(r, "ce_type")))).isEmpty();
        given().get("/ops/yard/carriers/nobody/detention").then().statusCode(404);
        given().auth().oauth2(TestTokens.partner("swift")).get("/ops/yard/carriers/swift/detention").then().statusCode(403);
    }
}
