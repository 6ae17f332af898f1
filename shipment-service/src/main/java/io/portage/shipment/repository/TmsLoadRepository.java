package io.portage.shipment.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.tms.TmsLoad;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Shipments' loads at the TMS ({@code tms_load}): new planned shipments enlisted, due tenders and appointments. */
@ApplicationScoped
public class TmsLoadRepository implements PanacheRepositoryBase<TmsLoad, UUID> {

    private static final String ENLIST = """
            insert into {h-schema}tms_load (shipment_id, site, status, tender_due_at, appointment_status)
            select id, warehouse, 'TO_TENDER', :now, 'NONE' from {h-schema}shipment s
            where s.status = 'PLANNED'
              and not exists (select 1 from {h-schema}tms_load l where l.shipment_id = s.id)
            order by s.planned_at limit :limit
            on conflict (shipment_id) do nothing""";

    /** Gives up to {@code limit} planned shipments without a load theirs, to be tendered now; how many. */
    public Uni<Integer> enlistPlanned(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery(ENLIST)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .executeUpdate());
    }

    /** Loads whose tender is due, oldest due first. */
    public Uni<List<TmsLoad>> dueTenders(Instant now, int limit) {
        return find("status = ?1 and tenderDueAt <= ?2 order by tenderDueAt", TmsLoad.Status.TO_TENDER, now)
                .page(0, limit)
                .list();
    }

    /** Loads whose dock appointment is to be booked or moved now, oldest due first. */
    public Uni<List<TmsLoad>> dueAppointments(Instant now, int limit) {
        return find("appointmentStatus = ?1 and appointmentDueAt <= ?2 order by appointmentDueAt",
                TmsLoad.Appointment.TO_BOOK, now).page(0, limit).list();
    }
}
