package io.portage.contracts;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An amount of money as every Portage event carries it: {@code {"amount": "125.50", "currency": "EUR"}}. The amount
 * travels as a decimal string (never a binary floating-point number): non-negative, plain notation, at most 15 integer
 * and 4 fraction digits. Producers write the currency's minor-unit scale (EUR {@code 125.50}, JPY {@code 1200}, KWD
 * {@code 3.125}); consumers compare by value ({@link BigDecimal#compareTo}), not by the string.
 */
@RegisterForReflection
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    /** The largest scale an amount may have. */
    public static final int MAX_SCALE = 4;
    /** The most integer digits an amount may have. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0 || amount.scale() < 0 || amount.scale() > MAX_SCALE
                || amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("Amounts are non-negative with at most " + MAX_INTEGER_DIGITS
                    + " integer and " + MAX_SCALE + " fraction digits: " + amount);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Currencies are ISO 4217 alphabetic codes: " + currency);
        }
    }

    /** Reads an amount written as a decimal string, e.g. {@code Money.of("125.50", "EUR")}. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
