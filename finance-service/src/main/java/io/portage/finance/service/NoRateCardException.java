package io.portage.finance.service;

import java.time.LocalDate;

import io.portage.finance.domain.Lane;

/** No rate card of the carrier for the lane is valid on the day asked about, so no freight can be quoted. */
public class NoRateCardException extends RuntimeException {

    public NoRateCardException(String carrier, Lane lane, LocalDate day) {
        super(carrier + " has no rate card for " + lane + " valid on " + day);
    }
}
