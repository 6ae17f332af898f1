package io.portage.finance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LineAuditTest {

    static final Tariff TARIFF = new Tariff(Currency.getInstance("EUR"), new BigDecimal("45.00"), new BigDecimal("0.185"));
    static final CarrierTermsOf TERMS = CarrierTermsOf.of("Swift", new Tolerance(new BigDecimal("5.00"), new BigDecimal("2")),
            List.of(new FuelSurcharge(LocalDate.parse("2026-01-01"), new BigDecimal("10")),
                    new FuelSurcharge(LocalDate.parse("2026-03-01"), new BigDecimal("20"))),
            List.of(new AgreedAccessorial("LIFTGATE", new BigDecimal("25.00"), "EUR")));

    static InvoiceLine line(String shipDate, String declared, String billed, String total,
            Map<String, BigDecimal> accessorials) {
        BigDecimal sum = new BigDecimal(total);
        BigDecimal extras = accessorials.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InvoiceLine(1, "1Z1", LocalDate.parse(shipDate), new Lane("NL", "DE"), null, new BigDecimal(declared),
                new BigDecimal(billed), sum.subtract(extras), BigDecimal.ZERO, accessorials, sum);
    }

    static Verdict audit(InvoiceLine line) {
        return LineAudit.audit(line, "EUR", TARIFF, TERMS, true, false, null);
    }

    @Test
    void freightPlusTheFuelSurchargeInForceOnTheShipDateMatches() {
        Verdict february = audit(line("2026-02-15", "1000", "1000", "203.50", Map.of()));
        assertThat(february.matched()).isTrue();
        assertThat(february.expected()).isEqualByComparingTo("203.50");
        Verdict march = audit(line("2026-03-15", "1000", "1000", "222.00", Map.of()));
        assertThat(march.matched()).isTrue();
        assertThat(march.expected()).isEqualByComparingTo("222.00");
        assertThat(audit(line("2026-03-15", "1000", "1000", "203.50", Map.of())).expected()).isEqualByComparingTo("222.00");
    }

    @Test
    void theMinimumChargeAndAgreedAccessorialsAreReRated() {
        Verdict verdict = audit(line("2026-03-10", "100", "100", "79.00", Map.of("LIFTGATE", new BigDecimal("25.00"))));
        assertThat(verdict.matched()).isTrue();
        assertThat(verdict.expected()).isEqualByComparingTo("79.00");
    }

    @Test
    void theToleranceIsTheSmallerOfAmountAndPercent() {
        // 222.00 re-rated: 2% is 4.44, smaller than 5.00.
        assertThat(audit(line("2026-03-15", "1000", "1000", "226.44", Map.of())).matched()).isTrue();
        Verdict over = audit(line("2026-03-15", "1000", "1000", "226.45", Map.of()));
        assertThat(over.dispute()).isEqualTo(DisputeClass.OVERCHARGE);
        assertThat(over.evidence()).containsEntry("allowance", new BigDecimal("4.4400"));
        // 45.00 minimum charge + 20% fuel = 54.00: 2% is 1.08.
        assertThat(audit(line("2026-03-15", "10", "10", "55.09", Map.of())).dispute()).isEqualTo(DisputeClass.OVERCHARGE);
        // Billing less than the rate card is paid as billed.
        assertThat(audit(line("2026-03-15", "1000", "1000", "100.00", Map.of())).matched()).isTrue();
    }

    @Test
    void eachDisputeHasItsClass() {
        InvoiceLine fine = line("2026-03-15", "1000", "1000", "222.00", Map.of());
        assertThat(LineAudit.audit(fine, "EUR", TARIFF, TERMS, true, true, null).dispute())
                .isEqualTo(DisputeClass.DUPLICATE_BILLING);
        assertThat(LineAudit.audit(fine, "EUR", TARIFF, TERMS, false, false, null).dispute())
                .isEqualTo(DisputeClass.UNKNOWN_SHIPMENT);
        assertThat(LineAudit.audit(fine, "EUR", null, TERMS, true, false, null).dispute())
                .isEqualTo(DisputeClass.NO_RATE_CARD);
        assertThat(LineAudit.audit(fine, "USD", TARIFF, TERMS, true, false, null).dispute())
                .isEqualTo(DisputeClass.NO_RATE_CARD);
        Verdict inside = audit(line("2026-03-15", "1000", "1000", "252.00", Map.of("INSIDE", new BigDecimal("30.00"))));
        assertThat(inside.dispute()).isEqualTo(DisputeClass.UNEXPECTED_ACCESSORIAL);
        assertThat(inside.evidence()).containsEntry("unexpectedAccessorials", List.of("INSIDE"));
        Verdict reweigh = audit(line("2026-03-15", "1000", "1200", "266.40", Map.of()));
        assertThat(reweigh.dispute()).isEqualTo(DisputeClass.REWEIGH);
        assertThat(reweigh.evidence()).containsEntry("declaredWeightKg", new BigDecimal("1000"))
                .containsEntry("billedWeightKg", new BigDecimal("1200"));
        // A heavier billed weight within tolerance is paid.
        assertThat(audit(line("2026-03-15", "1000", "1010", "222.00", Map.of())).matched()).isTrue();
    }

    @Test
    void anAmountOnlyLineIsMatchedToTheLabelsCostWithinToleranceAndSaysItWasNotReRated() {
        // 200.00 accrued: the allowance is the smaller of 5.00 and 2% (4.00).
        Verdict within = LineAudit.audit(InvoiceLine.amountOnly(1, "1Z1", new BigDecimal("204.00")), "EUR", null, TERMS, true,
                false, new BigDecimal("200.00"));
        assertThat(within.matched()).isTrue();
        assertThat(within.expected()).isEqualByComparingTo("200.00");
        assertThat(within.evidence()).containsEntry("basis", "AMOUNT_ONLY").containsKey("notReRated");
        assertThat(within.evidence()).doesNotContainKeys("shipDate", "lane", "expectedFreight");
        Verdict over = LineAudit.audit(InvoiceLine.amountOnly(1, "1Z1", new BigDecimal("204.01")), "EUR", null, TERMS, true,
                false, new BigDecimal("200.00"));
        assertThat(over.dispute()).isEqualTo(DisputeClass.OVERCHARGE);
        assertThat(over.evidence()).containsEntry("allowance", new BigDecimal("4.0000"));
    }

    @Test
    void anAmountOnlyLineWithoutACostInItsCurrencyCannotBeMatched() {
        Verdict verdict = LineAudit.audit(InvoiceLine.amountOnly(1, "1Z1", new BigDecimal("10")), "EUR", TARIFF, TERMS, true,
                false, null);
        assertThat(verdict.dispute()).isEqualTo(DisputeClass.NO_EXPECTED_COST);
        assertThat(LineAudit.audit(InvoiceLine.amountOnly(1, "1Z1", new BigDecimal("10")), "EUR", null, TERMS, false, false,
                null).dispute()).isEqualTo(DisputeClass.UNKNOWN_SHIPMENT);
        assertThat(LineAudit.audit(InvoiceLine.amountOnly(1, "1Z1", new BigDecimal("10")), "EUR", null, TERMS, true, true,
                new BigDecimal("10")).dispute()).isEqualTo(DisputeClass.DUPLICATE_BILLING);
    }

    @Test
    void aDetentionLineIsMatchedToTheDetentionCharged() {
        InvoiceLine detention = new InvoiceLine(1, "APT-1", LocalDate.parse("2026-03-10"), new Lane("NL", "DE"), null,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, Map.of("DETENTION", new BigDecimal("89.00")),
                new BigDecimal("89.00"));
        Verdict matched = LineAudit.audit(detention, "EUR", null, TERMS, true, false, null, new BigDecimal("87.50"));
        assertThat(matched.matched()).isTrue();
        assertThat(matched.evidence()).containsEntry("basis", "DETENTION");
        assertThat(LineAudit.audit(InvoiceLine.amountOnly(1, "APT-1", new BigDecimal("120.00")), "EUR", null, TERMS, true,
                false, null, new BigDecimal("87.50")).dispute()).isEqualTo(DisputeClass.OVERCHARGE);
        InvoiceLine withLiftgate = new InvoiceLine(1, "APT-1", LocalDate.parse("2026-03-10"), new Lane("NL", "DE"), null,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO,
                Map.of("DETENTION", new BigDecimal("87.50"), "LIFTGATE", new BigDecimal("25.00")), new BigDecimal("112.50"));
        assertThat(LineAudit.audit(withLiftgate, "EUR", null, TERMS, true, false, null, new BigDecimal("87.50")).dispute())
                .isEqualTo(DisputeClass.UNEXPECTED_ACCESSORIAL);
    }
}
