package io.portage.shipment.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.shipment.service.LoadPlanning;
import io.smallrye.mutiny.Uni;

/**
 * The TMS's plan callbacks at {@code /webhooks/tms}: the raw body signed with the shared secret
 * ({@code X-Tms-Signature: sha256=...}) is the credential, checked before anything is read; a plan applies by revision.
 */
@Path("/webhooks/tms")
@Produces(MediaType.APPLICATION_JSON)
public class TmsWebhookResource {

    private final LoadPlanning planning;

    public TmsWebhookResource(LoadPlanning planning) {
        this.planning = planning;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A TMS plan callback", description = "load.planned: the carrier and pickup window of a tendered shipment's load; a revision not newer than the one applied (a duplicate or a late one) is acknowledged and changes nothing.")
    @APIResponse(responseCode = "200", description = "Applied, or acknowledged as not newer (applied false)")
    @APIResponse(responseCode = "400", description = "Not a plan (problem+json)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    @APIResponse(responseCode = "404", description = "No TMS configured, or no load of that shipment")
    public Uni<LoadPlanning.Applied> receive(@HeaderParam("X-Tms-Signature") String signature, String body) {
        return planning.callback(body == null ? "" : body, signature);
    }
}
