package io.portage.yard.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.SiteRules;
import io.portage.yard.domain.Slot;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.service.AppointmentService.Booked;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reschedules and cancels appointments, by their carrier (its own only) or an operator. A new slot keeps to the site's
 * rules and keeps the door when it is free there, else takes the first free door of the dock; each change and its
 * event (AppointmentRescheduled, AppointmentCancelled) commit together.
 */
@ApplicationScoped
public class AppointmentChanges {

    private final AppointmentRepository appointments;
    private final AppointmentService booking;
    private final SiteService sites;
    private final YardEvents events;
    private final ArrivalForecasts forecasts;
    private final Clock clock = Clock.systemUTC();

    public AppointmentChanges(AppointmentRepository appointments, AppointmentService booking, SiteService sites,
            YardEvents events, ArrivalForecasts forecasts) {
        this.forecasts = forecasts;
        this.appointments = appointments;
        this.booking = booking;
        this.sites = sites;
        this.events = events;
    }

    /** Cancels it; cancelling a cancelled appointment again answers it unchanged. {@code partnerId} null: an operator. */
    @WithSpan("AppointmentChanges.cancel")
    public Uni<Booked> cancel(@SpanAttribute("portage.appointment") UUID id, String partnerId, String by, String reason) {
        return Panache.withTransaction(() -> owned(id, partnerId).chain(appointment -> {
            Instant now = clock.instant();
            return appointment.cancel(reason, now)
                    ? events.appointmentCancelled(appointment, by, reason, now)
                            .chain(() -> forecasts.settle(appointment, "cancelled by " + by))
                            .replaceWith(new Booked(appointment, false))
                    : Uni.createFrom().item(new Booked(appointment, false));
        }));
    }

    /** Schedules a requested appointment (an operator's decision on a failed check) and publishes AppointmentBooked. */
    @WithSpan("AppointmentChanges.schedule")
    public Uni<Booked> schedule(@SpanAttribute("portage.appointment") UUID id) {
        return Panache.withTransaction(() -> owned(id, null).chain(appointment -> {
            appointment.schedule(clock.instant());
            return events.appointmentBooked(appointment).replaceWith(new Booked(appointment, false));
        }));
    }

    /** Moves it to {@code slot} by the site's rules ({@code carrier}: notice and cut-off apply). */
    @WithSpan("AppointmentChanges.reschedule")
    public Uni<Booked> reschedule(@SpanAttribute("portage.appointment") UUID id, String partnerId, Slot slot,
            String reason, boolean carrier) {
        return booking.find(id, partnerId).chain(found -> sites.rulesForBooking(found.site()).chain(rules -> {
            rules.check(slot, clock.instant(), carrier);
            List<String> doors = rules.doorsFor(found.dock(), found.loadType()).stream().map(SiteRules.Door::code).toList();
            return attempt(found, partnerId, slot, reason, doors, doors.size());
        }));
    }

    private Uni<Booked> attempt(DockAppointment found, String partnerId, Slot slot, String reason, List<String> doors,
            int triesLeft) {
        UUID id = found.id();
        return Panache.withTransaction(() -> owned(id, partnerId).chain(appointment -> {
            if (appointment.slot().equals(slot)) {
                return Uni.createFrom().item(new Booked(appointment, false));
            }
            return appointments.holdingDoors(appointment.site(), doors, slot.start(), slot.end()).chain(holding -> {
                Set<String> taken = holding.stream()
                        .filter(other -> !other.id().equals(id))
                        .map(DockAppointment::door)
                        .collect(Collectors.toSet());
                String door = !taken.contains(appointment.door()) && doors.contains(appointment.door())
                        ? appointment.door()
                        : doors.stream()
                                .filter(d -> !taken.contains(d))
                                .findFirst()
                                .orElseThrow(() -> new SlotTakenException(appointment.site(), appointment.dock(), slot));
                Slot previous = appointment.slot();
                appointment.reschedule(slot, door);
                return events.appointmentRescheduled(appointment, previous, reason, clock.instant())
                        .replaceWith(new Booked(appointment, false));
            });
        }))
                .onFailure(DoorRace::lost)
                .recoverWithUni(failure -> triesLeft > 1
                        ? attempt(found, partnerId, slot, reason, doors, triesLeft - 1)
                        : Uni.createFrom().failure(new SlotTakenException(found.site(), found.dock(), slot)));
    }

    private Uni<DockAppointment> owned(UUID id, String partnerId) {
        return appointments.findById(id)
                .map(found -> found == null || partnerId != null && !partnerId.equals(found.partnerId()) ? null : found)
                .onItem()
                .ifNull()
                .failWith(() -> new AppointmentNotFoundException(id));
    }
}
