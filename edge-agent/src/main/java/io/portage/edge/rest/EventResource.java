package io.portage.edge.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.edge.service.EdgeIntakeService;

/** Scanner and WMS intake at {@code /api/v1/events}, and the forwarding backlog at {@code /api/v1/backlog}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EdgeIntakeService intake;

    public EventResource(EdgeIntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take one event", description = "Answers once the event is on disk. An id already stored answers 200 duplicate.")
    @APIResponse(responseCode = "202", description = "Stored durably; will be forwarded")
    @APIResponse(responseCode = "200", description = "This id was stored before; nothing written")
    @APIResponse(responseCode = "400", description = "Invalid event: problem+json naming each field")
    public Response one(@NotNull @Valid EventRequest body) {
        EventReceipt receipt = EventReceipt.of(intake.take(List.of(incoming(body)), "").get(0));
        return Response.status(receipt.duplicate() ? 200 : 202).entity(receipt).build();
    }

    @POST
    @Path("/events/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a batch of events", description = "All or nothing: one invalid event rejects the batch.")
    @APIResponse(responseCode = "202", description = "Stored durably, one receipt per event in order")
    @APIResponse(responseCode = "400", description = "Nothing stored: problem+json naming each field, e.g. [3].occurredAt")
    public Response batch(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid EventRequest> body) {
        List<EventReceipt> receipts = intake.take(body.stream().map(EventResource::incoming).toList(), "[%d].")
                .stream()
                .map(EventReceipt::of)
                .toList();
        return Response.accepted(receipts).build();
    }

    @GET
    @Path("/backlog")
    @Operation(summary = "What waits to be forwarded")
    public BacklogView backlog() {
        return BacklogView.of(intake.backlog(), Instant.now());
    }

    private static EdgeIntakeService.Incoming incoming(EventRequest event) {
        return new EdgeIntakeService.Incoming(event.id(), event.type(), event.key(), event.priority(), event.occurredAt(),
                event.payload().toString());
    }
}
