package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A carrier's fuel surcharge, a percent of the freight charge, from {@code validFrom} until the next one starts. */
public record FuelSurcharge(LocalDate validFrom, BigDecimal percent) {

    public FuelSurcharge {
        if (validFrom == null || percent == null || percent.signum() < 0) {
            throw new IllegalArgumentException("A fuel surcharge has a start date and a non-negative percent");
        }
    }
}
