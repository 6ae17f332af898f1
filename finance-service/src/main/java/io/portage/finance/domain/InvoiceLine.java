package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One line of a carrier's invoice: a tracking number shipped on a day over a lane, its declared and billed weights, and
 * the charges (freight, fuel, accessorials by code) adding up to its total, all in the invoice's currency; or, as an EDI
 * 210 v1 reports it, only a tracking number and its total ({@link #amountOnly}).
 */
public record InvoiceLine(int lineNumber, String trackingNumber, LocalDate shipDate, Lane lane, String service,
        BigDecimal declaredWeightKg, BigDecimal billedWeightKg, BigDecimal freight, BigDecimal fuel,
        Map<String, BigDecimal> accessorials, BigDecimal total) {

    public InvoiceLine {
        accessorials = Map.copyOf(accessorials);
    }

    /** A line that names only a tracking number (or another reference the carrier bills) and its total. */
    public static InvoiceLine amountOnly(int lineNumber, String trackingNumber, BigDecimal total) {
        return new InvoiceLine(lineNumber, trackingNumber, null, null, null, null, null, null, null, Map.of(), total);
    }

    /** Whether the line carries no ship date, lane, weights or charges: it can be matched, not re-rated. */
    public boolean isAmountOnly() {
        return shipDate == null;
    }

    /** The accessorials' sum. */
    public BigDecimal accessorialTotal() {
        return accessorials.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether freight, fuel and accessorials add up to the total. */
    public boolean addsUp() {
        return isAmountOnly() || freight.add(fuel).add(accessorialTotal()).compareTo(total) == 0;
    }
}
