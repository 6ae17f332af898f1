package io.portage.gateway.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.gateway.idempotency.IdempotencyKeys;
import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.portage.gateway.service.PartnerApiRouting;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Carriers' and 3PLs' dock appointments at {@code /api/v1/appointments}, routed to yard-service: book, reschedule and
 * cancel with {@code appointments:write} (Idempotency-Key honoured), report the truck's estimated arrival (an
 * estimate is its own idempotency: the latest wins), read your own with {@code appointments:read}.
 */
@Path("/api/v1/appointments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentRoutes {

    private final PartnerApiRouting routing;
    private final CallerResolver callers;
    private final CorrelationContext correlation;
    private final IdempotencyKeys idempotency;

    public AppointmentRoutes(PartnerApiRouting routing, CallerResolver callers, CorrelationContext correlation,
            IdempotencyKeys idempotency) {
        this.routing = routing;
        this.callers = callers;
        this.correlation = correlation;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "appointment", value = """
            {"site": "WH1", "dock": "D1", "direction": "INBOUND", "carrier": "swift", "reference": "PO-4711",
             "slotStart": "2026-12-01T08:00:00Z", "slotEnd": "2026-12-01T09:00:00Z"}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = "appointments:write")
    @Operation(summary = "Book a dock appointment (scope appointments:write)", description = "Booking the same appointment again returns it with 200.")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppointmentView")))
    @APIResponse(responseCode = "200", description = "Booked earlier; returned unchanged", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppointmentView")))
    @APIResponse(responseCode = "403", description = "The token lacks the appointments:write scope")
    @APIResponse(responseCode = "409", description = "The dock is already booked for part of the slot")
    public Uni<Response> book(@NotBlank String body,
            @Parameter(description = "Optional: the first answer for this key is returned again for 24 h") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Caller caller = callers.caller();
        caller.require("appointments:write");
        String correlationId = correlation.id();
        return idempotency.once(caller.partnerId(), idempotencyKey, "POST /api/v1/appointments", body,
                () -> routing.bookAppointment(body, correlationId));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "later", value = """
            {"slotStart": "2026-12-01T10:00:00Z", "slotEnd": "2026-12-01T11:00:00Z", "reason": "driver delayed at the port"}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = "appointments:write")
    @Operation(summary = "Move one of your appointments to another slot at the same dock (scope appointments:write)", description = "By the site's rules; keeps the door when it is free.")
    @APIResponse(responseCode = "200", description = "Rescheduled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppointmentView")))
    @APIResponse(responseCode = "404", description = "No such appointment (or not yours)")
    @APIResponse(responseCode = "409", description = "The slot is taken, or the appointment can no longer change")
    @APIResponse(responseCode = "422", description = "Refused by a rule of the site (named in rule), or this Idempotency-Key was used for another request")
    public Uni<Response> reschedule(@PathParam("id") UUID id, @NotBlank String body,
            @Parameter(description = "Optional: the first answer for this key is returned again for 24 h") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Caller caller = callers.caller();
        caller.require("appointments:write");
        String correlationId = correlation.id();
        return idempotency.once(caller.partnerId(), idempotencyKey, "POST /api/v1/appointments/" + id + "/reschedule", body,
                () -> routing.rescheduleAppointment(id.toString(), body, correlationId));
    }

    @POST
    @Path("/{id}/eta")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "telematics", value = """
                    {"source": "TELEMATICS", "estimatedArrival": "2026-12-01T08:55:00Z", "reportedAt": "2026-12-01T07:40:00Z"}"""),
            @ExampleObject(name = "geofence", value = """
                    {"source": "GEOFENCE", "reportedAt": "2026-12-01T07:50:00Z"}""")}))
    @SecurityRequirement(name = "SecurityScheme", scopes = "appointments:write")
    @Operation(summary = "Report your truck's estimated arrival (scope appointments:write)", description = "From telematics, a geofence entry (expected at the gate a set time later), the carrier or the driver; the latest estimate wins. Later than the slot's start plus the site's grace period, the appointment is at risk and the yard is told before the slot.")
    @APIResponse(responseCode = "200", description = "The appointment with its expected arrival", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppointmentView")))
    @APIResponse(responseCode = "404", description = "No such appointment (or not yours)")
    @APIResponse(responseCode = "409", description = "The truck has arrived, or the appointment is cancelled, completed or a no-show")
    public Uni<Response> eta(@PathParam("id") UUID id, @NotBlank String body) {
        callers.caller().require("appointments:write");
        return routing.reportArrivalEstimate(id.toString(), body, correlation.id());
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "cancel", value = """
            {"reason": "load not ready"}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = "appointments:write")
    @Operation(summary = "Cancel one of your appointments (scope appointments:write)", description = "Frees the door; a cancelled appointment answers unchanged.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppointmentView")))
    @APIResponse(responseCode = "404", description = "No such appointment (or not yours)")
    @APIResponse(responseCode = "409", description = "The appointment can no longer change (arrived, completed, no-show)")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for another request")
    public Uni<Response> cancel(@PathParam("id") UUID id, @NotBlank String body,
            @Parameter(description = "Optional: the first answer for this key is returned again for 24 h") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Caller caller = callers.caller();
        caller.require("appointments:write");
        String correlationId = correlation.id();
        return idempotency.once(caller.partnerId(), idempotencyKey, "POST /api/v1/appointments/" + id + "/cancel", body,
                () -> routing.cancelAppointment(id.toString(), body, correlationId));
    }

    @GET
    @SecurityRequirement(name = "SecurityScheme", scopes = "appointments:read")
    @Operation(summary = "Your appointments at a site on a day, UTC (scope appointments:read)")
    @APIResponse(responseCode = "200", description = "In slot order", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppointmentViewList")))
    public Uni<Response> onDay(@QueryParam("site") @NotNull @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @QueryParam("date") @NotNull String date) {
        callers.caller().require("appointments:read");
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "must be a date (UTC), e.g. 2026-12-01");
        }
        return routing.appointmentsOnDay(site, date, correlation.id());
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "appointments:read")
    @Operation(summary = "One of your appointments (scope appointments:read)")
    @APIResponse(responseCode = "404", description = "No such appointment (or not yours)")
    @APIResponse(responseCode = "200", description = "The appointment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppointmentView")))
    public Uni<Response> get(@PathParam("id") UUID id) {
        Caller caller = callers.caller();
        caller.require("appointments:read");
        return routing.readAppointment(caller, id.toString(), correlation.id());
    }
}
