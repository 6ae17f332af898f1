package io.portage.yard.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.security.Callers;
import io.portage.yard.domain.ReceiptLine;
import io.portage.yard.service.ReceiptReview;
import io.smallrye.mutiny.Uni;

/** Receipt lines under review at {@code /ops/yard/receipts} (operators): the lines by status, approving an exception. */
@Path("/ops/yard/receipts")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    private final ReceiptReview review;
    private final Callers callers;
    private final CorrelationContext correlation;

    public ReceiptResource(ReceiptReview review, Callers callers, CorrelationContext correlation) {
        this.correlation = correlation;
        this.review = review;
        this.callers = callers;
    }

    /** A receipt line as the API shows it, with its discrepancy and evidence. */
    public record ReceiptLineView(String receiptId, int lineNumber, String site, UUID appointmentId, String sku,
            BigDecimal expected, BigDecimal received, BigDecimal shortQuantity, BigDecimal damaged, String status,
            String discrepancy, String evidence, String purchaseOrder, String approvedBy, Instant appliedAt) {

        static ReceiptLineView of(ReceiptLine line) {
            return new ReceiptLineView(line.receiptId(), line.lineNumber(), line.site(), line.appointmentId(), line.sku(),
                    line.expected(), line.received(), line.shortQuantity(), line.damaged(), line.status().name(),
                    line.discrepancy(), line.evidence(), line.purchaseOrder(), line.approvedBy(), line.appliedAt());
        }
    }

    @GET
    @Operation(summary = "A site's receipt lines in a status", description = "EXCEPTION: the discrepancies waiting for a person, with their evidence.")
    public Uni<List<ReceiptLineView>> list(@QueryParam("site") @NotNull @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @QueryParam("status") @NotNull ReceiptLine.Status status) {
        callers.current().requireOperator();
        return review.withStatus(site, status).map(lines -> lines.stream().map(ReceiptLineView::of).toList());
    }

    @POST
    @Path("/{receiptId}/lines/{lineNumber}/approve")
    @Operation(summary = "Approve a receipt line's discrepancy", description = "When nothing else of the receipt waits, the purchase order's receipt is validated in Odoo: a backorder for what is short, damaged goods scrapped.")
    @APIResponse(responseCode = "200", description = "The line", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptLineView.class)))
    @APIResponse(responseCode = "404", description = "No such line")
    @APIResponse(responseCode = "409", description = "The line is not an exception")
    public Uni<ReceiptLineView> approve(@PathParam("receiptId") @Size(max = 64) String receiptId,
            @PathParam("lineNumber") @Min(1) @Max(9999) int lineNumber) {
        String by = callers.current().requireOperator().actor();
        return review.approve(receiptId, lineNumber, by, correlation.id()).map(ReceiptLineView::of);
    }
}
