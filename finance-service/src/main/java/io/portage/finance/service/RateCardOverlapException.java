package io.portage.finance.service;

import io.portage.finance.domain.Lane;

/** A carrier already has a rate card for the lane valid during part of the new card's period. */
public class RateCardOverlapException extends RuntimeException {

    public RateCardOverlapException(String carrier, Lane lane, Throwable cause) {
        super(carrier + " already has a rate card for " + lane
                + " valid during part of that period; end it before adding a new one", cause);
    }
}
