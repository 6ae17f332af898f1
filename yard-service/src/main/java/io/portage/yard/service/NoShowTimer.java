package io.portage.yard.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.AppointmentStatus;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.SiteRules;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Marks scheduled appointments whose truck has not arrived by the end of the site's grace period after the slot's
 * start as no-shows, each with its AppointmentMissed event, every {@code portage.yard.no-show.interval} (default 1
 * minute). A truck that arrives later is still recorded against its appointment ({@link VisitService}).
 */
@ApplicationScoped
public class NoShowTimer {

    /** Appointments looked at in one pass, oldest slot first; the next pass takes the rest. */
    static final int BATCH = 500;

    private final AppointmentRepository appointments;
    private final SiteRepository sites;
    private final YardEvents events;
    private final YardMetrics metrics;
    private final ArrivalForecasts forecasts;
    private final Clock clock = Clock.systemUTC();

    public NoShowTimer(AppointmentRepository appointments, SiteRepository sites, YardEvents events, YardMetrics metrics,
            ArrivalForecasts forecasts) {
        this.forecasts = forecasts;
        this.appointments = appointments;
        this.sites = sites;
        this.events = events;
        this.metrics = metrics;
    }

    @Scheduled(identity = "yard-no-show", every = "${portage.yard.no-show.interval:60s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return markMissed(null, clock.instant()).invoke(marked -> {
            if (marked > 0) {
                Log.infof("Marked %d appointments no-show", marked);
            }
        }).replaceWithVoid();
    }

    /** One pass as of {@code now}, over one site ({@code null}: every site); the number marked no-show. */
    @WithSpan("NoShowTimer.markMissed")
    public Uni<Integer> markMissed(String site, Instant now) {
        return Panache.withTransaction(() -> due(site, now).chain(due -> {
            Map<String, Duration> graces = new HashMap<>();
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (DockAppointment appointment : due) {
                chain = chain.chain(marked -> graceOf(appointment.site(), graces).chain(grace -> {
                    if (appointment.slot().start().plus(grace).isAfter(now)
                            || !appointment.markNoShow(now)) {
                        return Uni.createFrom().item(marked);
                    }
                    metrics.noShow(appointment.site());
                    return events.appointmentMissed(appointment, now)
                            .chain(() -> forecasts.settle(appointment, "marked no-show at " + now))
                            .replaceWith(marked + 1);
                }));
            }
            return chain;
        }));
    }

    private Uni<List<DockAppointment>> due(String site, Instant now) {
        return site == null
                ? appointments.find("status = ?1 and slotStart < ?2 order by slotStart", AppointmentStatus.SCHEDULED, now)
                        .page(0, BATCH)
                        .list()
                : appointments
                        .find("site = ?1 and status = ?2 and slotStart < ?3 order by slotStart", site,
                                AppointmentStatus.SCHEDULED, now)
                        .page(0, BATCH)
                        .list();
    }

    /** The site's grace period; the default for a site without rules (appointments booked before sites had them). */
    private Uni<Duration> graceOf(String site, Map<String, Duration> cache) {
        Duration known = cache.get(site);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return sites.rules(site).map(found -> {
            Duration grace = found.map(SiteRules::noShowGrace).orElse(SiteRules.DEFAULT_NO_SHOW_GRACE);
            cache.put(site, grace);
            return grace;
        });
    }
}
