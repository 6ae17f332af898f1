package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One line of a carrier's invoice: a tracking number shipped on a day over a lane, its declared and billed weights, and
 * the charges (freight, fuel, accessorials by code) adding up to its total, all in the invoice's currency.
 */
public record InvoiceLine(int lineNumber, String trackingNumber, LocalDate shipDate, Lane lane, String service,
        BigDecimal declaredWeightKg, BigDecimal billedWeightKg, BigDecimal freight, BigDecimal fuel,
        Map<String, BigDecimal> accessorials, BigDecimal total) {

    public InvoiceLine {
        accessorials = Map.copyOf(accessorials);
    }

    /** The accessorials' sum. */
    public BigDecimal accessorialTotal() {
        return accessorials.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether freight, fuel and accessorials add up to the total. */
    public boolean addsUp() {
        return freight.add(fuel).add(accessorialTotal()).compareTo(total) == 0;
    }
}
