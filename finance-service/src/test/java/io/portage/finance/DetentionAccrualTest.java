package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Detention yard-service charged (DetentionCharged v2 on portage.yard), delivered twice and reported again under a new
 * event id, accrued once in the Odoo stand-in with its event and correlation id; the carrier's invoice line for it
 * (accessorial DETENTION, naming the appointment) matched and billed, and the accrual reversed once.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class DetentionAccrualTest extends CarrierTestFixture {

    ProducerRecord<String, String> detention(String appointment, String eventId) {
        String json = """
                {"appointmentId":"%s","site":"AMS-1","carrier":"%s","visitId":"V-%s","minutes":105,
                 "amount":{"amount":"87.50","currency":"USD"},"slotStart":"2026-03-10T08:00:00Z",
                 "arrivedAt":"2026-03-10T07:50:00Z","clockStart":"SLOT_START","clockStartedAt":"2026-03-10T08:00:00Z",
                 "clockStoppedAt":"2026-03-10T11:45:00Z","freeMinutes":120,
                 "hourlyRate":{"amount":"50.00","currency":"USD"},"roundingMinutes":15,"chargedAt":"2026-03-10T11:45:00Z"}"""
                .formatted(appointment, carrier, appointment.substring(0, 8));
        return CloudEventRecords.binary(EventCatalog.DETENTION_CHARGED_V2.topic(), eventId,
                EventCatalog.DETENTION_CHARGED_V2.type(), appointment, json, Map.of("sequence", "9", "correlationid",
                        "corr-" + appointment));
    }

    List<Map<String, Object>> accrualsOf(String appointment) {
        return OdooStandinResource.standin()
                .records("account.move")
                .stream()
                .filter(move -> "entry".equals(move.get("move_type"))
                        && String.valueOf(move.get("ref")).startsWith("ACCR/" + appointment + "/DETENTION/"))
                .toList();
    }

    @Test
    void detentionIsAccruedOnceThenMatchedBilledAndReversed() {
        String appointment = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings()
                    .fromRecords(detention(appointment, first), detention(appointment, first),
                            detention(appointment, UUID.randomUUID().toString()))
                    .awaitCompletion(WAIT);
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(charges(appointment).getString("[0].accrualStatus"))
                        .isEqualTo("POSTED"));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(charges(appointment).getList("$")).hasSize(1);
            assertThat(accrualsOf(appointment)).hasSize(1);
        });
        JsonPath charge = charges(appointment);
        assertThat(charge.getString("[0].kind")).isEqualTo("DETENTION");
        assertThat(charge.getString("[0].accrualRef")).isEqualTo("ACCR/" + appointment + "/DETENTION/" + first);
        long accrual = charge.getLong("[0].accrualMoveId");
        assertThat(new BigDecimal(FreightAccrualTest.move(accrual).get("amount_total").toString()))
                .isEqualByComparingTo("87.50");
        assertThat(FreightAccrualTest.lines(accrual).get(FreightAccrualTest.EXPENSES)[0]).isEqualByComparingTo("87.50");
        given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", accrual)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("ACCRUAL"))
                .body("[0].causedBy.events[0]", equalTo(first))
                .body("[0].correlationId", equalTo("corr-" + appointment));

        String invoice = "DET-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath report = report(importFile(HEADER + row(invoice, "2026-03-20", "USD", "DE", 1, appointment, "2026-03-10",
                "1", "1", "0.00", "0.00", "DETENTION=87.50", "87.50"), 202));
        assertThat(report.getString("invoices[0].status")).isEqualTo("BILLED");
        assertThat(new BigDecimal(bills(invoice).get(0).get("amount_total").toString())).isEqualByComparingTo("87.50");
        await().atMost(WAIT).untilAsserted(() -> assertThat(charges(appointment).getString("[0].reversalMoveId")).isNotNull());
        long reversal = charges(appointment).getLong("[0].reversalMoveId");
        assertThat(FreightAccrualTest.lines(reversal).get(FreightAccrualTest.EXPENSES)[1]).isEqualByComparingTo("87.50");
        assertThat((List<?>) FreightAccrualTest.move(accrual).get("reversal_move_ids")).hasSize(1);

        // The same detention billed again is a duplicate, never billed twice.
        String again = "DET-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath second = report(importFile(HEADER + row(again, "2026-03-21", "USD", "DE", 1, appointment, "2026-03-10",
                "1", "1", "0.00", "0.00", "DETENTION=87.50", "87.50"), 202));
        assertThat(second.getString("disputes[0].disputeClass")).isEqualTo("DUPLICATE_BILLING");
        assertThat(bills(again)).isEmpty();
    }
}
