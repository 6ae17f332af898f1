package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.InvoicePolicy;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.ShipmentInvoice;
import io.portage.finance.service.InvoiceRelease;
import io.smallrye.mutiny.Uni;

/**
 * Customer invoice release: customers' policies at {@code /api/v1/invoice-policies/{partnerId}}, an order's invoice at
 * {@code /api/v1/order-invoices/{orderId}} and its manual release. For finance (realm role {@code finance}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceReleaseResource {

    static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final InvoiceRelease release;
    private final FinanceCallers callers;

    public InvoiceReleaseResource(InvoiceRelease release, FinanceCallers callers) {
        this.release = release;
        this.callers = callers;
    }

    /** The body of a policy change, and the answer. */
    public record PolicyRequest(@NotNull InvoicePolicy policy) {
    }

    /** An order's invoices as the API shows them: the order's sum and each shipment's invoice. */
    public record OrderInvoiceView(String orderId, String partnerId, Long saleOrderId, String status, String triggerKind,
            String triggerEventId, String releasedBy, String releasedEventId, String invoiceIds, BigDecimal revenue,
            String currency, String error, Instant invoicedAt, List<ShipmentInvoiceView> shipments) {

        static OrderInvoiceView of(OrderInvoice invoice, List<ShipmentInvoice> shipments) {
            return new OrderInvoiceView(invoice.orderId(), invoice.partnerId(), invoice.saleOrderId(),
                    invoice.status().name(), invoice.triggerKind(), invoice.triggerEventId(), invoice.releasedBy(),
                    invoice.releasedEventId(), invoice.invoiceIds(), invoice.revenue(), invoice.revenueCurrency(),
                    invoice.error(), invoice.invoicedAt(), shipments.stream().map(ShipmentInvoiceView::of).toList());
        }
    }

    /** One shipment's invoice (shipment {@code MANUAL}: a person's release of the order). */
    public record ShipmentInvoiceView(String shipmentId, String status, String triggerKind, String triggerEventId,
            String releasedBy, String invoiceIds, BigDecimal revenue, String currency, String error, Instant invoicedAt) {

        static ShipmentInvoiceView of(ShipmentInvoice invoice) {
            return new ShipmentInvoiceView(invoice.shipmentId(), invoice.status().name(), invoice.triggerKind(),
                    invoice.triggerEventId(), invoice.releasedBy(), invoice.invoiceIds(), invoice.revenue(),
                    invoice.revenueCurrency(), invoice.error(), invoice.invoicedAt());
        }
    }

    private Uni<OrderInvoiceView> view(OrderInvoice invoice) {
        return release.shipmentsOf(invoice.orderId()).map(shipments -> OrderInvoiceView.of(invoice, shipments));
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @PUT
    @Path("/invoice-policies/{partnerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set when a customer's invoices are released", description = "AT_DISPATCH, AT_POD or MANUAL.")
    public Uni<PolicyRequest> setPolicy(
            @PathParam("partnerId") @Pattern(regexp = ID, message = "must be a partner id") String partnerId,
            @NotNull @Valid PolicyRequest body) {
        return release.setPolicy(partnerId, body.policy(), callers.financeActor()).map(PolicyRequest::new);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Path("/invoice-policies/{partnerId}")
    @Operation(summary = "A customer's invoice policy (the default when none is set)")
    public Uni<PolicyRequest> policy(
            @PathParam("partnerId") @Pattern(regexp = ID, message = "must be a partner id") String partnerId) {
        callers.financeActor();
        return release.policyOf(partnerId).map(PolicyRequest::new);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Path("/order-invoices/{orderId}")
    @Operation(summary = "An order's customer invoices: waiting, ready or invoiced, what released them, and each shipment's")
    @APIResponse(responseCode = "200", description = "The order's invoice", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderInvoiceView.class)))
    @APIResponse(responseCode = "404", description = "No such order known to finance")
    public Uni<OrderInvoiceView> invoice(
            @PathParam("orderId") @Pattern(regexp = ID, message = "must be an order id") String orderId) {
        callers.financeActor();
        return release.of(orderId).chain(this::view);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @POST
    @Path("/order-invoices/{orderId}/release")
    @Operation(summary = "Release an order's invoice by hand", description = "Whatever the customer's policy, once the "
            + "order is released; the person is recorded.")
    @APIResponse(responseCode = "404", description = "No such order known to finance")
    @APIResponse(responseCode = "200", description = "The order's invoice", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderInvoiceView.class)))
    @APIResponse(responseCode = "409", description = "Not released yet, or its invoice already released")
    public Uni<OrderInvoiceView> releaseByHand(
            @PathParam("orderId") @Pattern(regexp = ID, message = "must be an order id") String orderId) {
        return release.release(orderId, callers.financeActor()).chain(this::view);
    }
}
