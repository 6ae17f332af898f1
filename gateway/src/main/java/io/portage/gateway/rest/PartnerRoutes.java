package io.portage.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.gateway.onboarding.Partners;
import io.portage.gateway.service.OperatorResolver;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Operators onboard partners (role and scope ops): Keycloak client, scopes, rate limit, webhook, in one call. */
@Path("/api/v1/ops/partners")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class PartnerRoutes {

    private final Partners partners;
    private final OperatorResolver operators;

    public PartnerRoutes(Partners partners, OperatorResolver operators) {
        this.partners = partners;
        this.operators = operators;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "Onboard a partner (role and scope ops)", description = """
            Creates the partner's Keycloak client <partnerId>-api (client credentials, the scopes given, the partner_id
            claim), stores its rate limit and creates its webhook subscription if given. The answer carries the client
            secret and the webhook signing secret, once.""")
    @APIResponse(responseCode = "201", description = "Onboarded; the secrets are shown this once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Partners.Onboarded.class)))
    public Uni<Response> onboard(Partners.Onboarding request) {
        String operator = operators.operator().requireOps().name();
        return partners.onboard(request, operator).map(done -> Response.status(201).entity(done).build());
    }
}
