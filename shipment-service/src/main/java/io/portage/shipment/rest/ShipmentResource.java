package io.portage.shipment.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.portage.shipment.service.ShipmentService;
import io.smallrye.mutiny.Uni;

/** Shipments at {@code /api/v1/shipments}. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private final ShipmentService shipments;

    public ShipmentResource(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @GET
    @Operation(summary = "List shipments", description = "The shipments of one order, or the latest shipments.")
    public Uni<List<ShipmentView>> list(@QueryParam("orderId") UUID orderId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Uni<List<io.portage.shipment.domain.Shipment>> found = orderId != null
                ? shipments.forOrder(orderId)
                : shipments.latest(limit);
        return found.map(list -> list.stream().map(ShipmentView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a shipment")
    public Uni<ShipmentView> get(@PathParam("id") UUID id) {
        return shipments.find(id).map(ShipmentView::of);
    }
}
