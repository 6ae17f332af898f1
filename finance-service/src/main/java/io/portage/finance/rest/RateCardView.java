package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.portage.finance.domain.RateCard;

/** A rate card as the API shows it. */
public record RateCardView(UUID id, String carrier, String originCountry, String destinationCountry, String currency,
        BigDecimal minimumCharge, BigDecimal pricePerKg, LocalDate validFrom, LocalDate validTo) {

    static RateCardView of(RateCard card) {
        return new RateCardView(card.id(), card.carrier(), card.lane().origin(), card.lane().destination(),
                card.tariff().currency().getCurrencyCode(), card.tariff().minimumCharge(), card.tariff().pricePerKg(),
                card.validFrom(), card.validTo());
    }
}
