package io.portage.yard.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.SiteRules;
import io.portage.yard.repository.AppointmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Books dock appointments by the site's rules: the slot must fit the site's grid, hours and notice, and takes the
 * first free door of the dock (in door code order) that takes the load. A door is never double-booked (the database
 * enforces it, also between concurrent requests: a booking that loses a door to a concurrent one tries the next door);
 * booking the very same appointment again returns the first booking, so a carrier's retry is harmless. An inbound
 * booking's purchase orders are checked in Odoo first ({@link PurchaseOrderVerifier}). A scheduled booking and its
 * AppointmentBooked event commit together (the outbox); a requested one publishes it when an operator schedules it.
 */
@ApplicationScoped
public class AppointmentService {

    private final AppointmentRepository appointments;
    private final SiteService sites;
    private final PurchaseOrderVerifier purchaseOrders;
    private final OutboundShipments shipments;
    private final YardEvents events;
    private final Clock clock = Clock.systemUTC();

    public AppointmentService(AppointmentRepository appointments, SiteService sites, PurchaseOrderVerifier purchaseOrders,
            OutboundShipments shipments, YardEvents events) {
        this.shipments = shipments;
        this.appointments = appointments;
        this.sites = sites;
        this.purchaseOrders = purchaseOrders;
        this.events = events;
    }

    /** The stored appointment, and whether this call booked it. */
    public record Booked(DockAppointment appointment, boolean created) {
    }

    @WithSpan("AppointmentService.book")
    public Uni<Booked> book(@SpanAttribute("portage.dock") String dock, BookAppointment command) {
        return sites.rulesForBooking(command.site()).chain(rules -> {
            rules.check(command.slot(), clock.instant(), command.carrierBooking());
            List<String> doors = rules.doorsFor(command.dock(), command.loadType()).stream().map(SiteRules.Door::code).toList();
            return purchaseOrders.holdReason(rules, command)
                    .chain(poHold -> shipments.holdReason(rules, command)
                            .map(shipmentHold -> poHold.or(() -> shipmentHold)))
                    .chain(holdReason -> attempt(command, holdReason.orElse(null), doors, doors.size()));
        });
    }

    /** One try at the first free door; when a concurrent booking took it first, the next try reads the doors again. */
    private Uni<Booked> attempt(BookAppointment command, String holdReason, List<String> doors, int triesLeft) {
        return Panache.withTransaction(() -> appointments
                .holdingDoors(command.site(), doors, command.slot().start(), command.slot().end())
                .chain(holding -> {
                    Optional<DockAppointment> same = holding.stream().filter(a -> isSame(a, command)).findFirst();
                    if (same.isPresent()) {
                        return Uni.createFrom().item(new Booked(same.get(), false));
                    }
                    Set<String> taken = holding.stream().map(DockAppointment::door).collect(Collectors.toSet());
                    String door = doors.stream()
                            .filter(d -> !taken.contains(d))
                            .findFirst()
                            .orElseThrow(() -> new SlotTakenException(command.site(), command.dock(), command.slot()));
                    return appointments.persist(DockAppointment.book(command.site(), command.dock(), door,
                            command.loadType(), command.direction(), command.carrier(), command.reference(),
                            command.partnerId(), command.slot(), command.purchaseOrders(), command.shipments(), holdReason,
                            command.correlationId(), clock.instant()))
                            .call(appointment -> holdReason == null
                                    ? events.appointmentBooked(appointment)
                                    : Uni.createFrom().voidItem())
                            .map(appointment -> new Booked(appointment, true));
                }))
                .onFailure(DoorRace::lost)
                .recoverWithUni(() -> triesLeft > 1
                        ? attempt(command, holdReason, doors, triesLeft - 1)
                        : Panache.withSession(() -> appointments
                                .holdingDoors(command.site(), doors, command.slot().start(), command.slot().end()))
                                .map(holding -> new Booked(holding.stream()
                                        .filter(a -> isSame(a, command))
                                        .findFirst()
                                        .orElseThrow(() -> new SlotTakenException(command.site(), command.dock(),
                                                command.slot())),
                                        false)));
    }

    private static boolean isSame(DockAppointment appointment, BookAppointment command) {
        return appointment.isSameBookingAs(command.site(), command.dock(), command.loadType(), command.direction(),
                command.carrier(), command.reference(), command.partnerId(), command.slot(), command.purchaseOrders(),
                command.shipments());
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
}
