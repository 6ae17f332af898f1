package io.portage.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-rates a carrier invoice line and decides its verdict, in this order: a tracking number billed before is duplicate
 * billing; one no label of the carrier carries is an unknown shipment; an accessorial the terms do not agree is
 * unexpected; a lane without a rate card cannot be re-rated; otherwise the line is matched when its total is within
 * tolerance of freight (rate card on the declared weight, minimum charge included) + fuel (percent in force on the ship
 * date) + agreed accessorials, and disputed as a reweigh when the carrier billed more weight, an overcharge otherwise.
 * A line naming a detention Portage charged (and no label) is matched to the detention's amount; a line carrying only
 * an amount (EDI 210 v1) is matched to what was accrued for its label, within the same tolerance, and cannot be
 * re-rated.
 */
public final class LineAudit {

    /** The accessorial code a carrier bills detention under. */
    public static final String DETENTION = "DETENTION";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LineAudit() {
    }

    /**
     * @param tariff    the carrier's rate card for the lane valid on the ship date, or null when it has none
     * @param known     whether a label of the carrier carries the line's tracking number
     * @param duplicate whether the carrier billed the tracking number before (another line, or earlier in this file)
     * @param accrued   what Portage accrued for the shipment (the label's cost), or null
     */
    public static Verdict audit(InvoiceLine line, String currency, Tariff tariff, CarrierTermsOf terms, boolean known,
            boolean duplicate, BigDecimal accrued) {
        return audit(line, currency, tariff, terms, known, duplicate, accrued, null);
    }

    /**
     * @param detention the detention Portage charged the carrier for the reference the line names (an appointment), in
     *                  the invoice's currency, or null
     */
    public static Verdict audit(InvoiceLine line, String currency, Tariff tariff, CarrierTermsOf terms, boolean known,
            boolean duplicate, BigDecimal accrued, BigDecimal detention) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("trackingNumber", line.trackingNumber());
        if (!line.isAmountOnly()) {
            evidence.put("shipDate", line.shipDate().toString());
            evidence.put("lane", line.lane().toString());
        }
        evidence.put("billed", line.total());
        evidence.put("currency", currency);
        if (accrued != null) {
            evidence.put("accrued", accrued);
        }
        if (duplicate) {
            return Verdict.disputed(DisputeClass.DUPLICATE_BILLING, null, evidence);
        }
        if (!known) {
            return Verdict.disputed(DisputeClass.UNKNOWN_SHIPMENT, null, evidence);
        }
        if (detention != null && accrued == null) {
            evidence.put("basis", "DETENTION");
            evidence.put("detentionCharged", detention);
            List<String> other = line.accessorials()
                    .keySet()
                    .stream()
                    .filter(code -> !DETENTION.equals(code))
                    .sorted()
                    .toList();
            if (!other.isEmpty()) {
                evidence.put("unexpectedAccessorials", other);
                return Verdict.disputed(DisputeClass.UNEXPECTED_ACCESSORIAL, null, evidence);
            }
            return againstAmount(line, terms, detention, evidence);
        }
        if (line.isAmountOnly()) {
            evidence.put("basis", "AMOUNT_ONLY");
            evidence.put("notReRated", "The line carries only a tracking number and an amount: it is matched to the"
                    + " label's cost within tolerance; weight, fuel and accessorials cannot be re-rated");
            if (accrued == null) {
                return Verdict.disputed(DisputeClass.NO_EXPECTED_COST, null, evidence);
            }
            return againstAmount(line, terms, accrued, evidence);
        }
        List<String> unexpected = new ArrayList<>();
        BigDecimal agreedAccessorials = BigDecimal.ZERO;
        for (String code : line.accessorials().keySet().stream().sorted().toList()) {
            var agreed = terms.accessorial(code, currency);
            if (agreed.isEmpty()) {
                unexpected.add(code);
            } else {
                agreedAccessorials = agreedAccessorials.add(agreed.get());
            }
        }
        if (!unexpected.isEmpty()) {
            evidence.put("unexpectedAccessorials", unexpected);
            return Verdict.disputed(DisputeClass.UNEXPECTED_ACCESSORIAL, null, evidence);
        }
        if (tariff == null || !tariff.currency().getCurrencyCode().equals(currency)) {
            return Verdict.disputed(DisputeClass.NO_RATE_CARD, null, evidence);
        }
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal fuelPercent = terms.fuelPercentOn(line.shipDate());
        BigDecimal freight = tariff.charge(line.declaredWeightKg());
        BigDecimal fuel = freight.multiply(fuelPercent).divide(HUNDRED, scale, RoundingMode.HALF_UP);
        BigDecimal expected = freight.add(fuel).add(agreedAccessorials);
        BigDecimal allowance = terms.tolerance().allowance(expected);
        evidence.put("pricePerKg", tariff.pricePerKg());
        evidence.put("minimumCharge", tariff.minimumCharge());
        evidence.put("declaredWeightKg", line.declaredWeightKg());
        evidence.put("billedWeightKg", line.billedWeightKg());
        evidence.put("expectedFreight", freight);
        evidence.put("fuelPercent", fuelPercent);
        evidence.put("expectedFuel", fuel);
        evidence.put("expectedAccessorials", agreedAccessorials);
        evidence.put("expected", expected);
        evidence.put("allowance", allowance);
        if (terms.tolerance().allows(expected, line.total())) {
            return Verdict.matched(expected, evidence);
        }
        if (line.billedWeightKg().compareTo(line.declaredWeightKg()) > 0) {
            return Verdict.disputed(DisputeClass.REWEIGH, expected, evidence);
        }
        return Verdict.disputed(DisputeClass.OVERCHARGE, expected, evidence);
    }

    /** Matched when the line's total is within tolerance of what Portage expected, an overcharge otherwise. */
    private static Verdict againstAmount(InvoiceLine line, CarrierTermsOf terms, BigDecimal expected,
            Map<String, Object> evidence) {
        evidence.put("expected", expected);
        evidence.put("allowance", terms.tolerance().allowance(expected));
        return terms.tolerance().allows(expected, line.total())
                ? Verdict.matched(expected, evidence)
                : Verdict.disputed(DisputeClass.OVERCHARGE, expected, evidence);
    }
}
