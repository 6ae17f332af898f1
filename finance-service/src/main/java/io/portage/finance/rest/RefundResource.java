package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.Instant;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.Refund;
import io.portage.finance.service.Refunds;
import io.portage.kit.rest.CorrelationContext;
import io.smallrye.mutiny.Uni;

/**
 * Customer refunds for returns at {@code /api/v1/refunds}: listed for finance, approved or refused by a finance approver
 * (realm role {@code finance-approver}), each decision audited with the person.
 */
@Path("/api/v1/refunds")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    private final Refunds refunds;
    private final FinanceCallers callers;
    private final CorrelationContext correlation;

    public RefundResource(Refunds refunds, FinanceCallers callers, CorrelationContext correlation) {
        this.refunds = refunds;
        this.callers = callers;
        this.correlation = correlation;
    }

    /** A refund as the API shows it. */
    public record RefundView(UUID id, String returnId, String shipmentId, String orderId, Long invoiceId, BigDecimal amount,
            String currency, String status, String decidedBy, Instant decidedAt, String reason, Long creditNoteId,
            String creditNoteName, String error) {

        static RefundView of(Refund refund) {
            return new RefundView(refund.id(), refund.returnId(), refund.shipmentId(), refund.orderId(), refund.invoiceId(),
                    refund.amount(), refund.currency(), refund.status().name(), refund.decidedBy(), refund.decidedAt(),
                    refund.reason(), refund.creditNoteId(), refund.creditNoteName(), refund.error());
        }
    }

    /** An approval's optional note, or a refusal's required reason. */
    public record Decision(@Size(max = 1000) String reason) {
    }

    /** A refusal's reason. */
    public record Refusal(@NotBlank @Size(max = 1000) String reason) {
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Operation(summary = "Refunds, optionally of one status", description = "Status WAITING_FOR_INVOICE, "
            + "NOT_REFUNDABLE, PENDING_APPROVAL, APPROVED, REFUSED or CREDITED; oldest first within a status, newest first otherwise.")
    public Uni<List<RefundView>> list(@QueryParam("status") Refund.Status status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        callers.financeOrApprover();
        return refunds.list(status, limit).map(rows -> rows.stream().map(RefundView::of).toList());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance-approver")
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a refund waiting for approval; its credit note follows")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "404", description = "No such refund")
    @APIResponse(responseCode = "409", description = "Not waiting for approval")
    public Uni<RefundView> approve(@PathParam("id") UUID id, @Valid Decision body) {
        return refunds.decide(id, true, callers.approver(), body == null ? null : body.reason(), correlation.id())
                .map(RefundView::of);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance-approver")
    @POST
    @Path("/{id}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refuse a refund waiting for approval")
    @APIResponse(responseCode = "200", description = "Refused", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "404", description = "No such refund")
    @APIResponse(responseCode = "409", description = "Not waiting for approval")
    public Uni<RefundView> refuse(@PathParam("id") UUID id, @NotNull @Valid Refusal body) {
        return refunds.decide(id, false, callers.approver(), body.reason(), correlation.id()).map(RefundView::of);
    }
}
