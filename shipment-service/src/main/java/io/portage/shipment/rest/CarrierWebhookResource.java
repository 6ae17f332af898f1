package io.portage.shipment.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.shipment.service.TrackingIntake;
import io.portage.shipment.service.TrackingService;
import io.smallrye.mutiny.Uni;

/**
 * Carriers' tracking webhooks at {@code /webhooks/carriers/{carrier}}: an EasyPost-style event, its raw body signed
 * with the carrier's webhook secret ({@code X-Hmac-Signature: hmac-sha256-hex=...}), which is the credential; checked
 * before anything is read.
 */
@Path("/webhooks/carriers")
@Produces(MediaType.APPLICATION_JSON)
public class CarrierWebhookResource {

    private final TrackingIntake intake;

    public CarrierWebhookResource(TrackingIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("/{carrier}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A carrier's tracking webhook", description = "tracker.updated events apply their scans (duplicates recognised, late scans kept in the history); other events are acknowledged.")
    @APIResponse(responseCode = "200", description = "Applied (or nothing to apply)")
    @APIResponse(responseCode = "400", description = "Not an event (problem+json)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    @APIResponse(responseCode = "404", description = "No such webhook carrier")
    public Uni<TrackingService.Recorded> receive(@PathParam("carrier") String carrier,
            @HeaderParam("X-Hmac-Signature") String signature, String body) {
        return intake.webhook(carrier, body == null ? "" : body, signature);
    }
}
