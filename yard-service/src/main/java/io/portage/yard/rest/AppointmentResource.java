package io.portage.yard.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Caller;
import io.portage.kit.security.Callers;
import io.portage.yard.domain.EtaSource;
import io.portage.yard.domain.Slot;
import io.portage.yard.service.AppointmentChanges;
import io.portage.yard.service.AppointmentService;
import io.portage.yard.service.ArrivalForecasts;
import io.portage.yard.service.BookAppointment;
import io.portage.yard.service.IdempotentCalls;
import io.smallrye.mutiny.Uni;

/**
 * Dock appointments at {@code /api/v1/appointments}. A carrier or 3PL books, reschedules and cancels with
 * {@code appointments:write} (an Idempotency-Key honoured) and reads only its own bookings ({@code appointments:read};
 * another's answer 404); an operator sees and changes every booking.
 */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private static final String APPOINTMENTS_WRITE = "appointments:write";
    private static final String APPOINTMENTS_READ = "appointments:read";

    private final AppointmentService appointments;
    private final AppointmentChanges changes;
    private final IdempotentCalls idempotent;
    private final IdempotencyKeys keys;
    private final CorrelationContext correlation;
    private final Callers callers;
    private final ArrivalForecasts forecasts;

    public AppointmentResource(AppointmentService appointments, AppointmentChanges changes, IdempotentCalls idempotent,
            IdempotencyKeys keys, CorrelationContext correlation, Callers callers, ArrivalForecasts forecasts) {
        this.forecasts = forecasts;
        this.appointments = appointments;
        this.changes = changes;
        this.idempotent = idempotent;
        this.keys = keys;
        this.correlation = correlation;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = APPOINTMENTS_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a dock appointment", description = "The slot must fit the site's rules (grid, opening hours, closed days, carriers' notice and cut-off) and takes the first free door of the dock that takes the load type; at most 4 hours. Booking the same appointment again returns it with 200.")
    @APIResponse(responseCode = "201", description = "Booked: SCHEDULED, or REQUESTED when its purchase-order check failed at a site that holds such bookings for a person", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "200", description = "The same appointment was booked before; returned unchanged", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "Every door of the dock that takes the load is booked for part of the slot")
    @APIResponse(responseCode = "422", description = "Refused by a booking rule of the site (its rule member), or the Idempotency-Key was used for another request")
    public Uni<Response> book(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull @Valid AppointmentRequest body) {
        // A partner books for itself; an operator books for the site ("portage").
        Caller caller = callers.current().requireScope(APPOINTMENTS_WRITE);
        String partnerId = caller.actingFor("portage");
        Slot slot = slot(body.slotStart(), body.slotEnd());
        BookAppointment command = new BookAppointment(body.site(), body.dock(), body.loadType(), body.direction(),
                body.carrier(), body.reference(), partnerId, slot, correlation.id(), !caller.operator(), body.purchaseOrders(),
                body.shipments());
        return idempotent
                .once(caller.actingFor(caller.actor()), IdempotencyKeys.key(idempotencyKey), keys.fingerprint("book", body),
                        () -> appointments.book(body.dock(), command))
                .map(AppointmentResource::answer);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = APPOINTMENTS_WRITE)
    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an appointment to another slot at its dock", description = "By the site's rules, as a booking; keeps the door when it is free, else takes another door of the dock. A carrier moves only its own appointments; only requested or scheduled ones move.")
    @APIResponse(responseCode = "200", description = "The appointment as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "No door of the dock is free for the new slot, or the appointment can no longer move")
    @APIResponse(responseCode = "422", description = "Refused by a booking rule of the site (its rule member), or the Idempotency-Key was used for another request")
    public Uni<Response> reschedule(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull @Valid AppointmentChangeRequests.Reschedule body) {
        Caller caller = callers.current().requireScope(APPOINTMENTS_WRITE);
        Slot slot = slot(body.slotStart(), body.slotEnd());
        return idempotent
                .once(caller.actingFor(caller.actor()), IdempotencyKeys.key(idempotencyKey),
                        keys.fingerprint("reschedule " + id, body),
                        () -> changes.reschedule(id, caller.tenant().orElse(null), slot, body.reason(), !caller.operator()))
                .map(AppointmentResource::answer);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = APPOINTMENTS_WRITE)
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an appointment", description = "Frees its door. A carrier cancels only its own appointments; only requested or scheduled ones; a cancelled one answers unchanged.")
    @APIResponse(responseCode = "200", description = "The appointment as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "The appointment can no longer be cancelled (the truck has arrived)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid AppointmentChangeRequests.Cancel body) {
        Caller caller = callers.current().requireScope(APPOINTMENTS_WRITE);
        String reason = body == null ? null : body.reason();
        return idempotent.once(caller.actingFor(caller.actor()), IdempotencyKeys.key(idempotencyKey),
                keys.fingerprint("cancel " + id, body == null ? new AppointmentChangeRequests.Cancel(null) : body),
                () -> changes.cancel(id, caller.tenant().orElse(null), caller.actingFor(caller.actor()), reason))
                .map(AppointmentResource::answer);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = APPOINTMENTS_WRITE)
    @POST
    @Path("/{id}/eta")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report the truck's estimated arrival", description = "From telematics, a geofence entry (expected at the gate a set time later; no estimatedArrival), the carrier or the driver. The latest estimate wins; one made before it is kept out. Later than the slot's start plus the site's grace period, the appointment is at risk: told once on portage.yard and an item for the yard, before the slot. A carrier reports only for its own appointments, before its truck arrives.")
    @APIResponse(responseCode = "200", description = "The appointment with its expected arrival and whether it is at risk", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "404", description = "No such appointment (or not yours)")
    @APIResponse(responseCode = "409", description = "The truck has arrived, or the appointment is cancelled, completed or a no-show")
    public Uni<AppointmentView> eta(@PathParam("id") UUID id, @NotNull @Valid AppointmentChangeRequests.Eta body) {
        Caller caller = callers.current().requireScope(APPOINTMENTS_WRITE);
        if (body.estimatedArrival() == null && body.source() != EtaSource.GEOFENCE) {
            throw ProblemException.invalid("estimatedArrival", "is required unless the source is GEOFENCE");
        }
        Instant now = Instant.now();
        if (body.reportedAt() != null && body.reportedAt().isAfter(now.plusSeconds(300))) {
            throw ProblemException.invalid("reportedAt", "must not be in the future");
        }
        return forecasts.expect(id, caller.tenant().orElse(null), body.source(), body.estimatedArrival(),
                body.reportedAt() == null ? now : body.reportedAt(), correlation.id()).map(AppointmentView::of);
    }

    /** The slot asked for; a slot that breaks {@link Slot}'s own rules is a 400 on {@code slotEnd}. */
    private static Slot slot(Instant start, Instant end) {
        try {
            return new Slot(start, end);
        } catch (Slot.InvalidSlotException e) {
            throw ProblemException.invalid("slotEnd", e.getMessage());
        }
    }

    private static Response answer(AppointmentService.Booked booked) {
        AppointmentView view = AppointmentView.of(booked.appointment());
        return booked.created()
                ? Response.created(URI.create("/api/v1/appointments/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = APPOINTMENTS_READ)
    @GET
    @Operation(summary = "Appointments at a site on a day (UTC)")
    public Uni<List<AppointmentView>> onDay(
            @QueryParam("site") @NotNull @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @QueryParam("date") @NotNull LocalDate date) {
        String partnerId = callers.current().requireScope(APPOINTMENTS_READ).tenant().orElse(null);
        return appointments.onDay(site, date, partnerId).map(list -> list.stream().map(AppointmentView::of).toList());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = APPOINTMENTS_READ)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read an appointment")
    public Uni<AppointmentView> get(@PathParam("id") UUID id) {
        return appointments.find(id, callers.current().requireScope(APPOINTMENTS_READ).tenant().orElse(null))
                .map(AppointmentView::of);
    }
}
