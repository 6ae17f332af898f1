package io.portage.finance.domain;

import java.math.BigDecimal;

/** An accessorial service (liftgate, residential delivery, detention, ...) a carrier may charge, at the agreed price. */
public record AgreedAccessorial(String code, BigDecimal amount, String currency) {

    public AgreedAccessorial {
        if (code == null || code.isBlank() || amount == null || amount.signum() < 0 || currency == null
                || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("An agreed accessorial has a code, a non-negative amount and an ISO currency");
        }
    }
}
