package io.portage.yard.messaging;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Money;
import io.portage.contracts.yard.AppointmentBooked;
import io.portage.contracts.yard.AppointmentCancelled;
import io.portage.contracts.yard.AppointmentMissed;
import io.portage.contracts.yard.AppointmentRescheduled;
import io.portage.contracts.yard.DetentionChargedV2;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.portage.yard.domain.DetentionTerms;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.Slot;
import io.portage.yard.service.YardEvents;
import io.smallrye.mutiny.Uni;

/**
 * Yard events for {@code portage.yard}, staged in the transactional outbox inside the caller's transaction; the
 * outbox relay publishes them as CloudEvents keyed by appointment id.
 */
@ApplicationScoped
public class YardEventPublisher implements YardEvents {

    static final URI SOURCE = URI.create("urn:portage:yard-service");

    private final Outbox outbox;

    public YardEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<UUID> appointmentBooked(DockAppointment appointment) {
        AppointmentBooked data = new AppointmentBooked(appointment.id().toString(), appointment.site(), appointment.dock(),
                appointment.direction().name(), appointment.carrier(), appointment.reference(), appointment.partnerId(),
                appointment.slot().start(), appointment.slot().end(), appointment.bookedAt());
        return outbox.stage(EventCatalog.APPOINTMENT_BOOKED_V1, data, new EventEnvelope(SOURCE,
                appointment.id().toString(), appointment.bookedAt(), appointment.correlationId(), appointment.partnerId(), 1L));
    }

    @Override
    public Uni<UUID> appointmentRescheduled(DockAppointment appointment, Slot previous, String reason, Instant at) {
        AppointmentRescheduled data = new AppointmentRescheduled(appointment.id().toString(), appointment.site(),
                appointment.dock(), previous.start(), previous.end(), appointment.slot().start(), appointment.slot().end(),
                reason, at);
        return outbox.stage(EventCatalog.APPOINTMENT_RESCHEDULED_V1, data, envelope(appointment, at));
    }

    @Override
    public Uni<UUID> appointmentMissed(DockAppointment appointment, Instant at) {
        AppointmentMissed data = new AppointmentMissed(appointment.id().toString(), appointment.site(), appointment.dock(),
                appointment.slot().start(), appointment.slot().end(), at);
        return outbox.stage(EventCatalog.APPOINTMENT_MISSED_V1, data, envelope(appointment, at));
    }

    @Override
    public Uni<UUID> detentionCharged(DockAppointment appointment, String visitId, Instant arrivedAt, DetentionTerms terms,
            DetentionTerms.Charge charge, Instant at) {
        DetentionChargedV2 data = new DetentionChargedV2(appointment.id().toString(), appointment.site(),
                appointment.partnerId(), visitId, charge.minutes(), new Money(charge.amount(), terms.currency()),
                appointment.slot().start(), arrivedAt, DetentionChargedV2.ClockStart.valueOf(charge.clockStart().name()),
                charge.startedAt(), charge.stoppedAt(), (int) terms.freeTime().toMinutes(),
                new Money(terms.hourlyRate(), terms.currency()), (int) terms.rounding().toMinutes(),
                terms.maximumCharge() == null ? null : new Money(terms.maximumCharge(), terms.currency()), at);
        return outbox.stage(EventCatalog.DETENTION_CHARGED_V2, data, envelope(appointment, at));
    }

    @Override
    public Uni<UUID> appointmentCancelled(DockAppointment appointment, String by, String reason, Instant at) {
        AppointmentCancelled data = new AppointmentCancelled(appointment.id().toString(), appointment.site(),
                appointment.dock(), appointment.slot().start(), appointment.slot().end(), by, reason, at);
        return outbox.stage(EventCatalog.APPOINTMENT_CANCELLED_V1, data, envelope(appointment, at));
    }

    private static EventEnvelope envelope(DockAppointment appointment, Instant at) {
        return new EventEnvelope(SOURCE, appointment.id().toString(), at, appointment.correlationId(),
                appointment.partnerId(), appointment.nextEventSequence());
    }
}
