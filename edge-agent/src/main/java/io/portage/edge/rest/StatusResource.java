package io.portage.edge.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.edge.domain.Backlog;
import io.portage.edge.service.EdgeIntakeService;
import io.portage.edge.service.ForwardingService;

/** The status page at {@code /}: backlog, oldest event age, uplink, last forward, rate, shed and refused counts. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final EdgeIntakeService intake;
    private final ForwardingService forwarding;

    public StatusResource(EdgeIntakeService intake, ForwardingService forwarding) {
        this.intake = intake;
        this.forwarding = forwarding;
    }

    @GET
    @Operation(operationId = "status", summary = "The agent's status at a glance")
    @SecurityRequirement(name = EdgeOpenApi.OPERATOR)
    @APIResponse(responseCode = "200", description = "Backlog, forwarding, shed and refused counts, dead letters")
    public StatusView status() {
        Instant now = Instant.now();
        Backlog backlog = intake.backlog();
        return new StatusView(BacklogView.of(backlog, now), StatusView.Forwarding.of(forwarding.state(), now),
                intake.shedCounts(), intake.refusedCounts(), backlog.deadLetters());
    }
}
