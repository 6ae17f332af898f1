package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.domain.Lane;
import io.portage.finance.domain.RateCard;
import io.portage.finance.domain.Tariff;
import io.portage.finance.repository.RateCardRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Keeps carriers' rate cards and prices freight with them. */
@ApplicationScoped
public class RateCardService {

    private final RateCardRepository cards;
    private final Clock clock = Clock.systemUTC();

    public RateCardService(RateCardRepository cards) {
        this.cards = cards;
    }

    @WithSpan("RateCardService.add")
    public Uni<RateCard> add(@SpanAttribute("portage.carrier") String carrier, Lane lane, Tariff tariff, LocalDate validFrom,
            LocalDate validTo) {
        RateCard card = RateCard.create(carrier, lane, tariff, validFrom, validTo, clock.instant());
        return Panache.withTransaction(() -> cards.persist(card))
                .onFailure(RateCardService::isOverlap)
                .transform(failure -> new RateCardOverlapException(carrier, lane, failure));
    }

    public Uni<List<RateCard>> ofCarrier(String carrier) {
        return Panache.withSession(() -> cards.ofCarrier(carrier));
    }

    @WithSpan("RateCardService.quote")
    public Uni<FreightQuote> quote(@SpanAttribute("portage.carrier") String carrier, Lane lane, BigDecimal weightKg,
            LocalDate shipDate) {
        LocalDate day = shipDate != null ? shipDate : LocalDate.now(clock);
        return Panache.withSession(() -> cards.validOn(carrier, lane, day))
                .onItem()
                .ifNull()
                .failWith(() -> new NoRateCardException(carrier, lane, day))
                .map(card -> {
                    Tariff tariff = card.tariff();
                    return new FreightQuote(carrier, lane.toString(), day, weightKg, tariff.charge(weightKg),
                            tariff.currency().getCurrencyCode(), card.id());
                });
    }

    private static boolean isOverlap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("ex_rate_card_validity_overlap")) {
                return true;
            }
        }
        return false;
    }
}
