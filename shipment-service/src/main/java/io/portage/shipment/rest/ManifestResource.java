package io.portage.shipment.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.portage.shipment.service.ManifestService;
import io.smallrye.mutiny.Uni;

/** End-of-day manifests at {@code /ops/manifests} (realm role {@code ops}): one per carrier, origin and day. */
@Path("/ops/manifests")
@Produces(MediaType.APPLICATION_JSON)
public class ManifestResource {

    private final ManifestService manifests;

    public ManifestResource(ManifestService manifests) {
        this.manifests = manifests;
    }

    @GET
    @Operation(summary = "A carrier's end-of-day manifest", description = "Every shipment of the carrier dispatched from the origin on the day (UTC), with tracking numbers, parcels and weights, and the totals. Built from Portage's records, not submitted to the carrier.")
    public Uni<ManifestService.Manifest> manifest(
            @QueryParam("carrier") @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String carrier,
            @QueryParam("origin") @NotNull @Size(min = 1, max = 32) @Pattern(regexp = "[A-Za-z0-9_.-]+") String origin,
            @QueryParam("date") @NotNull LocalDate date) {
        return manifests.manifest(carrier, origin, date);
    }
}
