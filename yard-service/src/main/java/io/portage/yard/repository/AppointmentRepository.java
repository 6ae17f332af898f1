package io.portage.yard.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.AppointmentStatus;
import io.portage.yard.domain.DockAppointment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Dock appointments in the {@code yard} schema. */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<DockAppointment, UUID> {

    /** Appointments holding one of {@code doors} whose slot overlaps [from, to). */
    public Uni<List<DockAppointment>> holdingDoors(String site, Collection<String> doors, Instant from, Instant to) {
        return list("site = ?1 and door in ?2 and status in ?3 and slotStart < ?4 and slotEnd > ?5", site, doors,
                AppointmentStatus.HOLDING_A_DOOR, to, from);
    }

    /** A site's appointments booked under {@code reference} that were not cancelled. */
    public Uni<List<DockAppointment>> byReference(String site, String reference) {
        return list("site = ?1 and reference = ?2 and status <> ?3", site, reference, AppointmentStatus.CANCELLED);
    }

    /** Appointments at a site whose slot overlaps [from, to), in slot order. */
    public Uni<List<DockAppointment>> atSite(String site, Instant from, Instant to) {
        return list("site = ?1 and slotStart < ?2 and slotEnd > ?3 order by slotStart, dock", site, to, from);
    }
}
