package io.portage.yard.service;

import java.time.Instant;
import java.util.UUID;

import io.portage.yard.domain.DetentionTerms;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.Slot;
import io.portage.yard.domain.VisitChange;
import io.smallrye.mutiny.Uni;

/**
 * The yard events the use cases publish on {@code portage.yard}, inside the caller's transaction: a port of the service
 * layer, implemented in {@code messaging/} (the outbox), so services never depend on messaging.
 */
public interface YardEvents {

    Uni<UUID> appointmentBooked(DockAppointment appointment);

    Uni<UUID> appointmentRescheduled(DockAppointment appointment, Slot previous, String reason, Instant at);

    Uni<UUID> appointmentMissed(DockAppointment appointment, Instant at);

    Uni<UUID> detentionCharged(DockAppointment appointment, String visitId, Instant arrivedAt, DetentionTerms terms,
            DetentionTerms.Charge charge, Instant at);

    Uni<UUID> appointmentCancelled(DockAppointment appointment, String by, String reason, Instant at);

    /** Its truck will miss the slot by {@code minutesLate} after the slot's start (its latest estimate). */
    Uni<UUID> appointmentAtRisk(DockAppointment appointment, int minutesLate);

    /** Tells the appointment's followers what its truck did; a fact the contract cannot carry is left out (logged). */
    Uni<Void> visitChanged(DockAppointment appointment, String visitId, VisitChange change);
}
