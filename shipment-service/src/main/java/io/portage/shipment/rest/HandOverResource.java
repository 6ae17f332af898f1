package io.portage.shipment.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.portage.shipment.domain.OdooHandOver;
import io.portage.shipment.service.HandOverService;
import io.smallrye.mutiny.Uni;

/** A shipment's writes into Odoo at {@code /ops/shipments/{id}/odoo} (realm role {@code ops}). */
@Path("/ops/shipments/{id}/odoo")
@Produces(MediaType.APPLICATION_JSON)
public class HandOverResource {

    private final HandOverService handOvers;

    public HandOverResource(HandOverService handOvers) {
        this.handOvers = handOvers;
    }

    /** One write into Odoo: what, for which return, where it stands, and Odoo's answer or the last error. */
    public record HandOverView(UUID id, String kind, UUID returnId, String status, int attempts, String lastError,
            String result, Instant createdAt, Instant doneAt) {

        static HandOverView of(OdooHandOver handOver) {
            return new HandOverView(handOver.id(), handOver.kind().name(), handOver.returnId(), handOver.status().name(),
                    handOver.attempts(), handOver.lastError(), handOver.result(), handOver.createdAt(), handOver.doneAt());
        }
    }

    @GET
    @Operation(summary = "A shipment's writes into Odoo", description = "The label's tracking reference, the delivery's validation at dispatch and each accepted return: pending, done with Odoo's answer, or failed (then an exception item of type shipment.odoo-hand-over).")
    public Uni<List<HandOverView>> list(@PathParam("id") UUID id) {
        return handOvers.ofShipment(id).map(list -> list.stream().map(HandOverView::of).toList());
    }
}
