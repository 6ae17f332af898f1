package io.portage.shipment.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
    @Operation(summary = "List or find shipments", description = "The shipments of one order (orderId), or those found by the channel's order number, an Odoo reference (sale order or delivery picking name) or a tracking number (master or parcel), each exact and combined; without any, the latest shipments. Newest first.")
    public Uni<List<ShipmentView>> list(@QueryParam("orderId") UUID orderId,
            @QueryParam("orderNumber") @Size(min = 1, max = 100) String orderNumber,
            @QueryParam("odooRef") @Size(min = 1, max = 64) String odooRef,
            @QueryParam("trackingNumber") @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String trackingNumber,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String partnerId = callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null);
        Uni<List<io.portage.shipment.domain.Shipment>> found = orderId != null
                ? shipments.forOrder(orderId, partnerId)
                : orderNumber != null || odooRef != null || trackingNumber != null
                        ? shipments.search(partnerId, orderNumber, odooRef, trackingNumber, limit)
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
