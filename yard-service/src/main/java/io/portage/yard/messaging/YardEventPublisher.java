package io.portage.yard.messaging;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.contracts.Money;
import io.portage.contracts.yard.AppointmentAtRisk;
import io.portage.contracts.yard.AppointmentBooked;
import io.portage.contracts.yard.AppointmentCancelled;
import io.portage.contracts.yard.AppointmentMissed;
import io.portage.contracts.yard.AppointmentRescheduled;
import io.portage.contracts.yard.DetentionChargedV2;
import io.portage.contracts.yard.DockAssigned;
import io.portage.contracts.yard.LoadingStarted;
import io.portage.contracts.yard.TrailerCheckedIn;
import io.portage.contracts.yard.TrailerCheckedOut;
import io.portage.contracts.yard.UnloadingStarted;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.portage.yard.domain.DetentionTerms;
import io.portage.yard.domain.Direction;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.Slot;
import io.portage.yard.domain.VisitChange;
import io.portage.yard.service.YardEvents;
import io.quarkus.logging.Log;
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

    @Override
    public Uni<UUID> appointmentAtRisk(DockAppointment appointment, int minutesLate) {
        AppointmentAtRisk data = new AppointmentAtRisk(appointment.id().toString(), appointment.site(), appointment.dock(),
                appointment.carrier(), appointment.slot().start(), appointment.slot().end(), appointment.expectedArrival(),
                appointment.etaSource(), minutesLate, appointment.etaReportedAt());
        return outbox.stage(EventCatalog.APPOINTMENT_AT_RISK_V1, data, envelope(appointment, appointment.etaReportedAt()));
    }

    @Override
    public Uni<Void> visitChanged(DockAppointment appointment, String visitId, VisitChange change) {
        String id = appointment.id().toString();
        return switch (change) {
            case VisitChange.CheckedIn in when in.trailerNumber() != null -> stage(EventCatalog.TRAILER_CHECKED_IN_V1,
                    new TrailerCheckedIn(id, appointment.site(), in.carrier() != null ? in.carrier() : appointment.carrier(),
                            in.trailerNumber(), null, in.sealNumber(), in.at()),
                    appointment, in.at());
            case VisitChange.DoorAssigned door -> stage(EventCatalog.DOCK_ASSIGNED_V1,
                    new DockAssigned(id, appointment.site(), door.door(), door.at()), appointment, door.at());
            case VisitChange.WorkStarted work when work.door() != null -> appointment.direction() == Direction.INBOUND
                    ? stage(EventCatalog.UNLOADING_STARTED_V1,
                            new UnloadingStarted(id, appointment.site(), work.door(), work.at()), appointment, work.at())
                    : stage(EventCatalog.LOADING_STARTED_V1,
                            new LoadingStarted(id, appointment.site(), work.door(), work.at()), appointment, work.at());
            case VisitChange.CheckedOut out when out.trailerNumber() != null -> stage(EventCatalog.TRAILER_CHECKED_OUT_V1,
                    new TrailerCheckedOut(id, appointment.site(), out.trailerNumber(), out.sealNumber(), out.at()),
                    appointment, out.at());
            default -> {
                Log.warnf("Visit %s of appointment %s: %s is not published (no trailer number or door to name)", visitId,
                        id, change.getClass().getSimpleName());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> stage(EventType type, Object data, DockAppointment appointment, Instant at) {
        return outbox.stage(type, data, envelope(appointment, at)).replaceWithVoid();
    }

    private static EventEnvelope envelope(DockAppointment appointment, Instant at) {
        return new EventEnvelope(SOURCE, appointment.id().toString(), at, appointment.correlationId(),
                appointment.partnerId(), appointment.nextEventSequence());
    }
}
