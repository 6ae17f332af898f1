package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A carrier's tariff for a lane over a validity period [validFrom, validTo], open-ended when validTo is absent. The
 * database refuses two cards of one carrier for one lane whose periods overlap, so a quote is never ambiguous.
 */
@Entity
@Table(name = "rate_card")
public class RateCard {

    @Id
    private UUID id;
    private String carrier;
    @Column(name = "origin_country")
    private String originCountry;
    @Column(name = "destination_country")
    private String destinationCountry;
    private String currency;
    @Column(name = "minimum_charge")
    private BigDecimal minimumCharge;
    @Column(name = "price_per_kg")
    private BigDecimal pricePerKg;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected RateCard() {
    }

    public static RateCard create(String carrier, Lane lane, Tariff tariff, LocalDate validFrom, LocalDate validTo,
            Instant now) {
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo cannot be before validFrom");
        }
        RateCard card = new RateCard();
        card.id = UUID.randomUUID();
        card.carrier = carrier;
        card.originCountry = lane.origin();
        card.destinationCountry = lane.destination();
        card.currency = tariff.currency().getCurrencyCode();
        card.minimumCharge = tariff.minimumCharge();
        card.pricePerKg = tariff.pricePerKg();
        card.validFrom = validFrom;
        card.validTo = validTo;
        card.createdAt = now;
        return card;
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public UUID id() {
        return id;
    }

    public String carrier() {
        return carrier;
    }

    public Lane lane() {
        return new Lane(originCountry, destinationCountry);
    }

    public Tariff tariff() {
        return new Tariff(Currency.getInstance(currency), minimumCharge, pricePerKg);
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }
}
