package io.portage.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code portage.finance.odoo.enabled=false} nothing is written into Odoo: labels stay waiting for their accrual
 * and an audited batch waits in BILLING, its invoices unbilled.
 */
@QuarkusTest
@TestProfile(OdooWritesOffTest.WritesOff.class)
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class OdooWritesOffTest extends CarrierTestFixture {

    /** Odoo writes off. */
    public static class WritesOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portage.finance.odoo.enabled", "false");
        }
    }

    @Test
    void nothingIsPostedInOdooAndTheWorkWaits() {
        labels("USD", "185.00", "W1");
        String invoice = "OFF-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String batch = importFile(file(invoice, invoice + "-2"), 202);
        await().atMost(WAIT).until(() -> "BILLING".equals(status(batch)));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(status(batch)).isEqualTo("BILLING");
            assertThat(charges("W1").getString("[0].accrualStatus")).isEqualTo("PENDING");
        });
        assertThat(bills(invoice)).isEmpty();
        String ref = charges("W1").getString("[0].accrualRef");
        assertThat(OdooStandinResource.standin().records("account.move")).noneMatch(move -> ref.equals(move.get("ref")));
    }
}
