package io.portage.edge.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.edge.service.EdgeIntakeService;
import io.portage.kit.rest.ProblemException;

/** Scanner and WMS intake at {@code /api/v1/events}, and the forwarding backlog at {@code /api/v1/backlog}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final int MAX_BATCH = 1000;

    private final EdgeIntakeService intake;

    public EventResource(EdgeIntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "takeEvent", summary = "Take one event", description = "Answers once the event is on disk. An id already stored answers 200 duplicate.")
    @SecurityRequirement(name = EdgeOpenApi.DEVICE)
    @APIResponse(responseCode = "202", description = "Stored durably; will be forwarded")
    @APIResponse(responseCode = "200", description = "This id was stored before; nothing written")
    @APIResponse(responseCode = "400", description = "Invalid or malformed: nothing stored; the problem names each field")
    @APIResponse(responseCode = "413", description = "The body is over quarkus.http.limits.max-body-size (8 MB)")
    @APIResponse(responseCode = "415", description = "Not JSON")
    @APIResponse(responseCode = "503", description = "Intake busy: nothing stored, send again after Retry-After")
    @APIResponse(responseCode = "507", description = "The store is full and nothing less important can be shed")
    public Response one(EventRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must not be null");
        }
        EventReceipt receipt = EventReceipt.of(intake.take(List.of(incoming(body)), "").get(0));
        return Response.status(receipt.duplicate() ? 200 : 202).entity(receipt).build();
    }

    @POST
    @Path("/events/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "takeEventBatch", summary = "Take a batch of events", description = "All or nothing: one invalid event rejects the batch, naming each field, e.g. [3].occurredAt.")
    @SecurityRequirement(name = EdgeOpenApi.DEVICE)
    @APIResponse(responseCode = "202", description = "Stored durably, one receipt per event in order")
    @APIResponse(responseCode = "400", description = "Invalid or malformed: nothing stored; the problem names each field")
    @APIResponse(responseCode = "413", description = "The body is over quarkus.http.limits.max-body-size (8 MB)")
    @APIResponse(responseCode = "415", description = "Not JSON")
    @APIResponse(responseCode = "503", description = "Intake busy: nothing stored, send again after Retry-After")
    @APIResponse(responseCode = "507", description = "The store is full and nothing less important can be shed")
    public Response batch(List<EventRequest> body) {
        if (body == null || body.isEmpty() || body.size() > MAX_BATCH) {
            throw ProblemException.invalid("body", "must hold 1 to " + MAX_BATCH + " events");
        }
        List<EdgeIntakeService.Incoming> events = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) == null) {
                throw ProblemException.invalid("[" + i + "]", "must not be null");
            }
            events.add(incoming(body.get(i)));
        }
        List<EdgeIntakeService.Receipt> stored = intake.take(events, "[%d].");
        List<EventReceipt> receipts = new ArrayList<>(stored.size());
        for (EdgeIntakeService.Receipt receipt : stored) {
            receipts.add(EventReceipt.of(receipt));
        }
        return Response.accepted(receipts).build();
    }

    @GET
    @Path("/backlog")
    @Operation(operationId = "backlog", summary = "What waits to be forwarded")
    @SecurityRequirement(name = EdgeOpenApi.OPERATOR)
    @APIResponse(responseCode = "200", description = "The backlog")
    public BacklogView backlog() {
        return BacklogView.of(intake.backlog(), Instant.now());
    }

    private static EdgeIntakeService.Incoming incoming(EventRequest event) {
        return new EdgeIntakeService.Incoming(event.id(), event.type(), event.key(), event.priority(), event.occurredAt(),
                event.payload());
    }
}
