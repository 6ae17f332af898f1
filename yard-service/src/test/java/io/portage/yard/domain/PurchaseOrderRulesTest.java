package io.portage.yard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PurchaseOrderRulesTest {

    static final Slot SLOT = new Slot(Instant.parse("2030-11-29T08:00:00Z"), Instant.parse("2030-11-29T09:00:00Z"));
    static final PurchaseOrderCheck CHECK = new PurchaseOrderCheck(Duration.ofHours(6), SiteRules.OnFailure.REFUSE);

    static PurchaseOrderFacts order(String name, String state, boolean confirmed, boolean full, String planned) {
        return new PurchaseOrderFacts(name, state, confirmed, full, planned == null ? null : Instant.parse(planned));
    }

    @Test
    void eachOrderFailsForItsFirstReasonAndTheWindowIsInclusive() {
        Map<String, PurchaseOrderFacts> found = Map.of(
                "P1", order("P1", "purchase", true, false, "2030-11-29T02:00:00Z"),
                "P2", order("P2", "purchase", true, false, "2030-11-29T15:00:00Z"),
                "P3", order("P3", "purchase", true, false, "2030-11-29T15:00:01Z"),
                "P4", order("P4", "draft", false, false, "2030-11-29T08:00:00Z"),
                "P5", order("P5", "purchase", true, true, "2030-11-29T08:00:00Z"),
                "P6", order("P6", "purchase", true, false, "2030-11-29T01:59:59Z"));
        assertThat(CHECK.reasons(List.of("P1", "P2"), found, SLOT)).isEmpty();
        assertThat(CHECK.reasons(List.of("P3", "P4", "P5", "P6", "P0"), found, SLOT)).containsExactly(
                "P3 is planned for 2030-11-29T15:00:01Z, not within 6 hours of the slot",
                "P4 is not confirmed (state draft)",
                "P5 has nothing left to receive",
                "P6 is planned for 2030-11-29T01:59:59Z, not within 6 hours of the slot",
                "P0 does not exist in Odoo");
    }
}
