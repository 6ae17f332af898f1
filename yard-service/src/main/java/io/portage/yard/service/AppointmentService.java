package io.portage.yard.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.repository.AppointmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Books dock appointments. A dock is never double-booked (the database enforces it, also between concurrent
 * requests); booking the very same appointment again returns the first booking, so a carrier's retry is harmless.
 * The booking and its AppointmentBooked event commit together (the outbox).
 */
@ApplicationScoped
public class AppointmentService {

    private final AppointmentRepository appointments;
    private final YardEvents events;
    private final Clock clock = Clock.systemUTC();

    public AppointmentService(AppointmentRepository appointments, YardEvents events) {
        this.appointments = appointments;
        this.events = events;
    }

    /** The stored appointment, and whether this call booked it. */
    public record Booked(DockAppointment appointment, boolean created) {
    }

    @WithSpan("AppointmentService.book")
    public Uni<Booked> book(@SpanAttribute("portage.dock") String dock, BookAppointment command) {
        return Panache.withTransaction(() -> existingOrConflict(command).chain(existing -> existing.isPresent()
                ? Uni.createFrom().item(new Booked(existing.get(), false))
                : appointments.persist(DockAppointment.book(command.site(), command.dock(), command.direction(),
                        command.carrier(), command.reference(), command.partnerId(), command.slot(), command.correlationId(),
                        clock.instant())).call(events::appointmentBooked).map(appointment -> new Booked(appointment, true))))
                .onFailure(AppointmentService::isOverlap)
                .recoverWithUni(() -> Panache.withSession(() -> existingOrConflict(command))
                        .map(existing -> new Booked(existing.orElseThrow(() -> slotTaken(command)), false)));
    }

    /** An appointment; {@link AppointmentNotFoundException} when there is none or it is not {@code partnerId}'s (null: anyone's, for operators). */
    public Uni<DockAppointment> find(UUID id, String partnerId) {
        return Panache.withSession(() -> appointments.findById(id))
                .map(found -> found == null || partnerId != null && !partnerId.equals(found.partnerId()) ? null : found)
                .onItem()
                .ifNull()
                .failWith(() -> new AppointmentNotFoundException(id));
    }

    /** Appointments at a site on a (UTC) day, in slot order. */
    public Uni<List<DockAppointment>> onDay(String site, LocalDate day, String partnerId) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.withSession(() -> appointments.atSite(site, from, from.plusSeconds(86_400)))
                .map(list -> partnerId == null ? list : list.stream().filter(a -> partnerId.equals(a.partnerId())).toList());
    }

    /** The same booking if it exists; a failure if another booking holds an overlapping slot; else empty. */
    private Uni<Optional<DockAppointment>> existingOrConflict(BookAppointment command) {
        return appointments.overlapping(command.site(), command.dock(), command.slot().start(), command.slot().end())
                .map(overlapping -> {
                    Optional<DockAppointment> same = overlapping.stream()
                            .filter(a -> a.isSameBookingAs(command.site(), command.dock(), command.direction(),
                                    command.carrier(),
                                    command.reference(), command.partnerId(), command.slot()))
                            .findFirst();
                    if (same.isEmpty() && !overlapping.isEmpty()) {
                        throw slotTaken(command);
                    }
                    return same;
                });
    }

    private static SlotTakenException slotTaken(BookAppointment command) {
        return new SlotTakenException(command);
    }

    /** A concurrent booking won the race on the exclusion constraint. */
    private static boolean isOverlap(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("ex_appointment_dock_overlap")) {
                return true;
            }
        }
        return false;
    }
}
