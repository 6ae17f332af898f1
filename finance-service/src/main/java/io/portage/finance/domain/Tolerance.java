package io.portage.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a carrier's charge may exceed its re-rated charge and still be paid: at most {@code amount} (in the invoice's
 * currency) and at most {@code percent} of the re-rated charge, whichever is smaller. Charging less is always within.
 */
public record Tolerance(BigDecimal amount, BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Tolerance {
        if (amount == null || percent == null || amount.signum() < 0 || percent.signum() < 0) {
            throw new IllegalArgumentException("A tolerance is a non-negative amount and a non-negative percent");
        }
    }

    /** The largest overcharge tolerated on {@code expected}. */
    public BigDecimal allowance(BigDecimal expected) {
        BigDecimal byPercent = expected.multiply(percent).divide(HUNDRED, 4, RoundingMode.HALF_UP);
        return amount.min(byPercent);
    }

    public boolean allows(BigDecimal expected, BigDecimal billed) {
        return billed.subtract(expected).compareTo(allowance(expected)) <= 0;
    }

    /** This tolerance with the carrier's own values where it has them. */
    public Tolerance overriddenBy(BigDecimal carrierAmount, BigDecimal carrierPercent) {
        return new Tolerance(carrierAmount != null ? carrierAmount : amount, carrierPercent != null ? carrierPercent : percent);
    }
}
