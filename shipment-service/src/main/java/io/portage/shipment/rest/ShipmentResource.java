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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.kit.security.Callers;
import io.portage.shipment.service.ShipmentService;
import io.smallrye.mutiny.Uni;

/**
 * Shipments at {@code /api/v1/shipments}. A partner (scope {@code shipments:read}) sees only the shipments of its own
 * orders, another's answer 404; an operator sees all of them.
 */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private static final String SHIPMENTS_READ = "shipments:read";

    private final ShipmentService shipments;
    private final Callers callers;

    public ShipmentResource(ShipmentService shipments, Callers callers) {
        this.shipments = shipments;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_READ)
    @GET
    @Operation(summary = "List shipments", description = "The shipments of one order, or the latest shipments.")
    public Uni<List<ShipmentView>> list(@QueryParam("orderId") UUID orderId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String partnerId = callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null);
        Uni<List<io.portage.shipment.domain.Shipment>> found = orderId != null
                ? shipments.forOrder(orderId, partnerId)
                : shipments.latest(partnerId, limit);
        return found.map(list -> list.stream().map(ShipmentView::of).toList());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_READ)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a shipment")
    public Uni<ShipmentView> get(@PathParam("id") UUID id) {
        return shipments.find(id, callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null))
                .map(ShipmentView::of);
    }
}
