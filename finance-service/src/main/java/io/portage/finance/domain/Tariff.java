package io.portage.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How a carrier prices a lane: a price per kilogram with a minimum charge. The charge for a weight is the larger of
 * the two, in the tariff's currency, rounded half-up to the currency's minor unit.
 */
public record Tariff(Currency currency, BigDecimal minimumCharge, BigDecimal pricePerKg) {

    public Tariff {
        if (currency == null || minimumCharge == null || pricePerKg == null) {
            throw new IllegalArgumentException("A tariff needs a currency, a minimum charge and a price per kg");
        }
        if (minimumCharge.signum() < 0 || pricePerKg.signum() <= 0) {
            throw new IllegalArgumentException("The minimum charge cannot be negative and the price per kg must be positive");
        }
    }

    public BigDecimal charge(BigDecimal weightKg) {
        if (weightKg == null || weightKg.signum() <= 0) {
            throw new IllegalArgumentException("Weight must be positive");
        }
        BigDecimal byWeight = pricePerKg.multiply(weightKg);
        return byWeight.max(minimumCharge).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
