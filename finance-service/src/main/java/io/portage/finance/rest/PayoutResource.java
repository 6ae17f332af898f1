package io.portage.finance.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.PaymentTransaction;
import io.portage.finance.domain.PayoutImport;
import io.portage.finance.service.PayoutCsv;
import io.portage.finance.service.Payouts;
import io.portage.kit.rest.CorrelationContext;
import io.smallrye.mutiny.Uni;

/**
 * Payout imports at {@code /api/v1/payouts}: a payment provider's balance transaction export (Stripe's columns) imported
 * once, charges matched to invoiced orders, fees kept for the margin; and an import with its lines. For finance (realm
 * role {@code finance}).
 */
@Path("/api/v1/payouts")
public class PayoutResource {

    private final Payouts payouts;
    private final FinanceCallers callers;
    private final CorrelationContext correlation;

    public PayoutResource(Payouts payouts, FinanceCallers callers, CorrelationContext correlation) {
        this.payouts = payouts;
        this.callers = callers;
        this.correlation = correlation;
    }

    /** What an import made of its file's lines. */
    public record PayoutImportView(UUID id, int lines, int matched, int unmatched, int notOrders, int alreadyImported,
            String receivedBy, Instant receivedAt) {

        static PayoutImportView of(PayoutImport made) {
            return new PayoutImportView(made.id(), made.lines(), made.matched(), made.unmatched(), made.notOrders(),
                    made.alreadyImported(), made.receivedBy(), made.receivedAt());
        }
    }

    /** One balance transaction the import stored: matched to an order and its Odoo invoices, or why not. */
    public record TransactionView(String id, int row, String type, String source, BigDecimal amount, BigDecimal fee,
            BigDecimal net, String currency, Instant created, String payout, String orderId, String status,
            String odooInvoiceIds, String reason) {

        static TransactionView of(PaymentTransaction row) {
            return new TransactionView(row.id(), row.rowNumber(), row.type(), row.source(), row.amount(), row.fee(),
                    row.net(), row.currency(), row.created(), row.payout(), row.orderId(), row.status().name(),
                    row.odooInvoiceIds(), row.reason());
        }
    }

    /** An import and the transactions it stored (those imported before are the earlier import's). */
    public record PayoutImportDetail(PayoutImportView payoutImport, List<TransactionView> transactions) {
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @POST
    @Consumes(AuditBatchResource.CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a payout (balance transaction) export", description = "Stripe's columns (id, type, "
            + "source, amount, fee, net, currency, created, available_on, reporting_category, payout and the metadata "
            + "column order_id) in any order, amounts in the currency's units. Each transaction is stored once; the same "
            + "file again answers its import (200). Charges and refunds not matched to an invoiced order are raised for "
            + "finance (finance.payout-unmatched).")
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PayoutImportView.class)))
    @APIResponse(responseCode = "200", description = "This file was imported before: its import", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PayoutImportView.class)))
    public Uni<Response> importFile(@NotNull String body) {
        String actor = callers.financeActor();
        return payouts.importFile(PayoutCsv.read(body), actor, correlation.id())
                .map(imported -> Response.status(imported.created() ? 201 : 200)
                        .location(URI.create("/api/v1/payouts/" + imported.payoutImport().id()))
                        .entity(PayoutImportView.of(imported.payoutImport()))
                        .type(MediaType.APPLICATION_JSON)
                        .build());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A payout import with the transactions it stored, matched or not")
    public Uni<PayoutImportDetail> payoutImport(@PathParam("id") UUID id) {
        callers.financeActor();
        return payouts.of(id)
                .map(found -> new PayoutImportDetail(PayoutImportView.of(found.payoutImport()),
                        found.transactions().stream().map(TransactionView::of).toList()));
    }
}
