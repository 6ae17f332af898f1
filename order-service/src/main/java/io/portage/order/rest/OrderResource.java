package io.portage.order.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.Partners;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderLine;
import io.portage.order.service.OrderService;
import io.portage.order.service.ReceiveOrder;
import io.smallrye.mutiny.Uni;

/** Order intake at {@code /api/v1/orders}. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderService orders;
    private final OrderConfig config;
    private final CorrelationContext correlation;

    public OrderResource(OrderService orders, OrderConfig config, CorrelationContext correlation) {
        this.orders = orders;
        this.config = config;
        this.correlation = correlation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an order", description = "Idempotent by (channel, externalId): a resubmission returns the first order with 200.")
    @APIResponse(responseCode = "201", description = "Order received")
    @APIResponse(responseCode = "200", description = "Order already received earlier; returned unchanged")
    @APIResponse(responseCode = "400", description = "Invalid order (application/problem+json, with field paths)")
    public Uni<Response> receive(@NotNull @Valid OrderRequest body, @HeaderParam(Partners.HEADER) String partnerHeader) {
        // Internal calls without the gateway's header act for the channel itself.
        String partnerId = Partners.fromHeader(partnerHeader, body.channel());
        OrderRequest.AddressRequest address = body.customer().address();
        ReceiveOrder command = new ReceiveOrder(body.channel(), body.externalId(), partnerId,
                body.warehouse() == null ? config.defaultWarehouse() : body.warehouse(),
                new Order.Customer(body.customer().name(), body.customer().email(), address.street(), address.city(),
                        address.postalCode(), address.country()),
                body.lines().stream().map(line -> new OrderLine.Item(line.sku(), line.quantity())).toList(),
                correlation.id());
        return orders.receive(body.channel(), command).map(received -> {
            OrderView view = OrderView.of(received.order());
            return received.created()
                    ? Response.created(URI.create("/api/v1/orders/" + view.id())).entity(view).build()
                    : Response.ok(view).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an order")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return orders.find(id).map(OrderView::of);
    }
}
