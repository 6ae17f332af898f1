package io.portage.yard.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.kit.security.Callers;
import io.portage.yard.service.SiteService;
import io.smallrye.mutiny.Uni;

/** A site's docks, doors and booking rules at {@code /ops/yard/sites/{site}}, defined by operators (realm role ops). */
@Path("/ops/yard/sites/{site}")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final SiteService sites;
    private final Callers callers;

    public SiteResource(SiteService sites, Callers callers) {
        this.sites = sites;
        this.callers = callers;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a site's docks, doors and booking rules", description = "Replaces the site's whole definition; bookings already made keep their doors.")
    @APIResponse(responseCode = "200", description = "The site as defined now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteDefinition.class)))
    public Uni<SiteDefinition> define(@PathParam("site") @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @NotNull @Valid SiteDefinition body) {
        String by = callers.current().requireOperator().actor();
        return sites.define(site, body.toRules(), by).map(SiteDefinition::of);
    }

    @GET
    @Operation(summary = "Read a site's docks, doors and booking rules")
    @APIResponse(responseCode = "200", description = "The site's definition", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteDefinition.class)))
    @APIResponse(responseCode = "404", description = "The site has no definition")
    public Uni<SiteDefinition> get(@PathParam("site") @Pattern(regexp = "[A-Z0-9-]{1,32}") String site) {
        callers.current().requireOperator();
        return sites.rules(site).map(SiteDefinition::of);
    }
}
