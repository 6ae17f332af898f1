package io.portage.finance.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The audit's verdict on an invoice line: matched (paid) or disputed with its class, the re-rated charge when the line
 * could be re-rated, and the evidence a person needs to settle it (rate, weights, surcharge, tolerance, accrual).
 */
public record Verdict(DisputeClass dispute, BigDecimal expected, Map<String, Object> evidence) {

    public Verdict {
        evidence = Map.copyOf(evidence);
    }

    public static Verdict matched(BigDecimal expected, Map<String, Object> evidence) {
        return new Verdict(null, expected, evidence);
    }

    public static Verdict disputed(DisputeClass dispute, BigDecimal expected, Map<String, Object> evidence) {
        return new Verdict(dispute, expected, evidence);
    }

    public boolean matched() {
        return dispute == null;
    }
}
