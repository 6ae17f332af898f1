package io.portage.finance.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.Lane;
import io.portage.finance.domain.RateCard;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Rate cards in the {@code finance} schema. */
@ApplicationScoped
public class RateCardRepository implements PanacheRepositoryBase<RateCard, UUID> {

    /** The card of a carrier for a lane valid on a day; at most one exists (the exclusion constraint). */
    public Uni<RateCard> validOn(String carrier, Lane lane, LocalDate day) {
        return find("carrier = ?1 and originCountry = ?2 and destinationCountry = ?3 and validFrom <= ?4"
                + " and (validTo is null or validTo >= ?4)", carrier, lane.origin(), lane.destination(), day).firstResult();
    }

    public Uni<List<RateCard>> ofCarrier(String carrier) {
        return list("carrier = ?1 order by originCountry, destinationCountry, validFrom", carrier);
    }
}
