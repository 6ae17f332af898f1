package io.portage.yard.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.BookingRefusedException;
import io.portage.yard.domain.SiteRules;
import io.portage.yard.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Defines sites' booking rules (operators) and reads them for bookings. */
@ApplicationScoped
public class SiteService {

    private final SiteRepository sites;
    private final Clock clock = Clock.systemUTC();

    public SiteService(SiteRepository sites) {
        this.sites = sites;
    }

    @WithSpan("SiteService.define")
    public Uni<SiteRules> define(@SpanAttribute("portage.site") String site, SiteRules rules, String by) {
        return Panache.withTransaction(() -> sites.define(site, rules, by, clock.instant()));
    }

    /** The site's rules; {@link SiteNotFoundException} when the site has none. */
    public Uni<SiteRules> rules(String site) {
        return Panache.withSession(() -> sites.rules(site))
                .map(found -> found.orElseThrow(() -> new SiteNotFoundException(site)));
    }

    /** The site's rules for a booking: a site without rules refuses every booking (rule {@code site}). */
    Uni<SiteRules> rulesForBooking(String site) {
        return Panache.withSession(() -> sites.rules(site))
                .map(found -> found.orElseThrow(() -> new BookingRefusedException("site", "site",
                        "Site " + site + " has no docks or booking rules defined")));
    }
}
