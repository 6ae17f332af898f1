package io.portage.order.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderChanged;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Caller;
import io.portage.kit.security.Callers;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Customer;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderLine;
import io.portage.order.domain.OrderStatus;
import io.portage.order.rest.OrderRequest.CustomerRequest;
import io.portage.order.rest.OrderRequest.LineRequest;
import io.portage.order.service.OrderService;
import io.portage.order.service.ReceiveOrder;
import io.smallrye.mutiny.Uni;

/**
 * Order intake at {@code /api/v1/orders}. The caller comes from the access token the gateway relays: a partner needs
 * {@code orders:write} or {@code orders:read} and only ever sees its own orders (another's answer 404); an operator
 * (realm role {@code ops}) acts for every partner.
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    static final String ORDERS_WRITE = "orders:write";
    static final String ORDERS_READ = "orders:read";

    private final OrderService orders;
    private final OrderConfig config;
    private final CorrelationContext correlation;
    private final Callers callers;

    public OrderResource(OrderService orders, OrderConfig config, CorrelationContext correlation, Callers callers) {
        this.orders = orders;
        this.config = config;
        this.correlation = correlation;
        this.callers = callers;
    }

    /** The partner whose orders the caller may see with {@code scope}; null for an operator (every partner's). */
    private String tenant(String scope) {
        return callers.current().requireScope(scope).tenant().orElse(null);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = ORDERS_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an order", description = "Idempotent by (channel, externalId): a resubmission returns the first order with 200.")
    @APIResponse(responseCode = "200", description = "Order already received earlier; returned unchanged", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid order (application/problem+json, with field paths)")
    @APIResponse(responseCode = "201", description = "Order received: ACCEPTED and queued for Odoo, or ON_HOLD (holdReason says why) while a person fixes it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    public Uni<Response> receive(@NotNull @Valid OrderRequest body) {
        // A partner submits for itself; an operator (an import, a replay) for the order's channel.
        String partnerId = callers.current().requireScope(ORDERS_WRITE).actingFor(body.channel());
        OrderRequest.AddressRequest address = body.customer().address();
        ReceiveOrder command = new ReceiveOrder(body.channel(), body.externalId(), partnerId,
                body.warehouse() == null ? config.defaultWarehouse() : body.warehouse(),
                new Customer(body.customer().name(), body.customer().email(), address.street(), address.city(),
                        address.postalCode(), address.country()),
                body.lines().stream().map(line -> new OrderLine.Item(line.sku(), line.quantity())).toList(),
                correlation.id());
        return orders.receive(body.channel(), command).map(OrderView::response);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = ORDERS_READ)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read an order", description = "Status, hold reason, the Odoo order, who fulfils it and the history. A partner sees only its own orders.")
    @APIResponse(responseCode = "200", description = "The order; its ETag is its version (If-Match of a change)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order (or not the caller's)")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return orders.find(id, tenant(ORDERS_READ))
                .map(OrderView::of)
                .map(view -> Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = ORDERS_WRITE)
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an order before its release", description = "Replaces the ship-to (customer) and/or the lines (all of them) while the order is RECEIVED, ON_HOLD or ACCEPTED and not being handed to Odoo. If-Match must carry the ETag (version) of the order as read. The checks run again: an unknown SKU holds it, a held order whose SKUs are now known is accepted.")
    @APIResponse(responseCode = "200", description = "The changed order, with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid change (problem+json with field paths)")
    @APIResponse(responseCode = "404", description = "No such order (or not the caller's)")
    @APIResponse(responseCode = "409", description = "Released or cancelled, or being confirmed in Odoo this moment (try again)")
    @APIResponse(responseCode = "412", description = "The order changed since it was read (If-Match does not match)")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Uni<Response> change(@PathParam("id") UUID id, @NotNull @Valid ChangeRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Caller caller = callers.current().requireScope(ORDERS_WRITE);
        long version = version(ifMatch);
        if (body.customer() == null && body.lines() == null) {
            throw ProblemException.invalid("customer", "name the new customer (ship-to), the new lines, or both");
        }
        OrderChanged.Actor actor = caller.operator()
                ? new OrderChanged.Actor(OrderChanged.ActorType.OPERATOR, caller.actor())
                : new OrderChanged.Actor(OrderChanged.ActorType.PARTNER, caller.partnerId());
        CustomerRequest customer = body.customer();
        Customer shipTo = customer == null
                ? null
                : new Customer(customer.name(), customer.email(), customer.address().street(),
                        customer.address().city(), customer.address().postalCode(), customer.address().country());
        List<OrderLine.Item> items = body.lines() == null
                ? null
                : body.lines().stream().map(line -> new OrderLine.Item(line.sku(), line.quantity())).toList();
        return orders.change(id, caller.tenant().orElse(null), version, shipTo, items, actor)
                .map(OrderView::of)
                .map(view -> Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build());
    }

    /** The version an If-Match names: {@code "3"} (or {@code W/"3"}); 428 without one, 400 for another value. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match required",
                    "Send If-Match with the ETag of the order as you read it, so a change never overwrites one you did not see");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(HttpHeaders.IF_MATCH, "the ETag of the order, e.g. \"3\"");
        }
    }

    /** The body of a change: the new ship-to, the new lines (all of them), or both; what is absent stays. */
    public record ChangeRequest(@Valid CustomerRequest customer,
            @Size(min = 1, max = 500) List<@NotNull @Valid LineRequest> lines) {
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = ORDERS_READ)
    @GET
    @Operation(summary = "Find or list orders", description = "With channel and externalId: that order. Otherwise the partner's orders, newest first: the caller's own, or for an operator those of partnerId.")
    @APIResponse(responseCode = "200", description = "The orders")
    @APIResponse(responseCode = "400", description = "Neither a partner nor channel and externalId")
    @APIResponse(responseCode = "404", description = "With channel and externalId: no such order (or not the caller's)")
    public Uni<List<OrderView>> list(@QueryParam("channel") String channel, @QueryParam("externalId") String externalId,
            @QueryParam("partnerId") String partnerId, @QueryParam("status") OrderStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Caller caller = callers.current().requireScope(ORDERS_READ);
        if (channel != null && externalId != null) {
            return orders.findByExternalId(channel, externalId, caller.tenant().orElse(null))
                    .map(order -> List.of(OrderView.of(order)));
        }
        String partner = caller.actingFor(partnerId);
        if (partner == null) {
            throw ProblemException.invalid("partnerId", "name a partner, or channel and externalId");
        }
        return orders.list(partner, status, limit).map(list -> list.stream().map(OrderView::of).toList());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = ORDERS_WRITE)
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an order before its release", description = "Allowed while RECEIVED, ON_HOLD or ACCEPTED; a cancelled order answers unchanged.")
    @APIResponse(responseCode = "200", description = "The cancelled order")
    @APIResponse(responseCode = "404", description = "No such order (or not the caller's)")
    @APIResponse(responseCode = "409", description = "Already released, or being confirmed in Odoo this moment (try again)")
    public Uni<OrderView> cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest body) {
        Caller caller = callers.current().requireScope(ORDERS_WRITE);
        OrderCancelled.Actor actor = caller.operator()
                ? new OrderCancelled.Actor(OrderCancelled.ActorType.OPERATOR, caller.actor())
                : new OrderCancelled.Actor(OrderCancelled.ActorType.PARTNER, caller.partnerId());
        return orders.cancel(id, caller.tenant().orElse(null), body.reason(), actor).map(OrderView::of);
    }

    /** The body of a cancellation. */
    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
