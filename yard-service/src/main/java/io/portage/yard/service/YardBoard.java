package io.portage.yard.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.SiteRules;
import io.portage.yard.domain.VisitStatus;
import io.portage.yard.domain.YardSite;
import io.portage.yard.domain.YardVisit;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.repository.SiteRepository;
import io.portage.yard.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The yard board for operators and the warehouse: every site's docks and doors with the trucks on site now, and a
 * trailer's visits (where it stood, for which appointment and shipments).
 */
@ApplicationScoped
public class YardBoard {

    private static final String BY_TRAILER = """
            select v.id from {h-schema}yard_visit v
            where v.state::jsonb #>> '{arrival,value,trailerNumber}' = :trailer
               or v.state::jsonb #>> '{swappedTrailer,value}' = :trailer
            order by v.arrived_at desc nulls last, v.id limit :limit""";

    private final SiteRepository sites;
    private final VisitRepository visits;
    private final AppointmentRepository appointments;

    public YardBoard(SiteRepository sites, VisitRepository visits, AppointmentRepository appointments) {
        this.sites = sites;
        this.visits = visits;
        this.appointments = appointments;
    }

    /** A site: its docks (none when it has visits but no definition yet) and the trucks on it, by arrival. */
    public record Site(String site, List<SiteRules.Dock> docks, List<VisitService.VisitView> onSite) {
    }

    /** A visit of a trailer and the appointment it came for (null when unplanned). */
    public record TrailerVisit(VisitService.VisitView visit, DockAppointment appointment) {
    }

    /** Every defined site and every site with trucks on it, by code. */
    public Uni<List<Site>> sites() {
        return Panache.withSession(() -> visits.list("status <> ?1 order by arrivedAt nulls last, visitId",
                VisitStatus.DEPARTED).chain(onSite -> sites.listAll().chain(defined -> {
                    Map<String, List<YardVisit>> bySite = onSite.stream()
                            .collect(Collectors.groupingBy(YardVisit::site, TreeMap::new, Collectors.toList()));
                    TreeSet<String> codes = new TreeSet<>(bySite.keySet());
                    defined.stream().map(YardSite::code).forEach(codes::add);
                    return Multi.createFrom()
                            .iterable(codes)
                            .onItem()
                            .transformToUniAndConcatenate(code -> sites.rules(code)
                                    .map(rules -> new Site(code,
                                            rules.map(SiteRules::docks).orElse(List.of()),
                                            bySite.getOrDefault(code, List.of()).stream().map(this::view).toList())))
                            .collect()
                            .asList();
                })));
    }

    /** The visits of a trailer (arrived with it, or swapped to it), the latest first, at most {@code limit}. */
    public Uni<List<TrailerVisit>> trailer(String trailerNumber, int limit) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(BY_TRAILER, String.class)
                        .setParameter("trailer", trailerNumber)
                        .setParameter("limit", limit)
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<TrailerVisit>of()) : withAppointments(ids)));
    }

    private Uni<List<TrailerVisit>> withAppointments(List<String> ids) {
        return visits.list("id in ?1", ids).chain(found -> {
            List<UUID> planned = found.stream().map(YardVisit::appointmentId).filter(id -> id != null).distinct().toList();
            Uni<List<DockAppointment>> booked = planned.isEmpty()
                    ? Uni.createFrom().item(List.of())
                    : appointments.list("id in ?1", planned);
            return booked.map(list -> {
                Map<UUID, DockAppointment> byId = list.stream()
                        .collect(Collectors.toMap(DockAppointment::id, Function.identity()));
                Map<String, YardVisit> byVisit = found.stream()
                        .collect(Collectors.toMap(visit -> YardVisit.id(visit.site(), visit.visitId()), Function.identity()));
                List<TrailerVisit> ordered = new ArrayList<>();
                ids.forEach(id -> Optional.ofNullable(byVisit.get(id))
                        .ifPresent(visit -> ordered.add(
                                new TrailerVisit(view(visit), visit.appointmentId() == null
                                        ? null
                                        : byId.get(visit.appointmentId())))));
                return ordered;
            });
        });
    }

    private VisitService.VisitView view(YardVisit stored) {
        return new VisitService.VisitView(visits.visit(stored), stored.appointmentId());
    }
}
