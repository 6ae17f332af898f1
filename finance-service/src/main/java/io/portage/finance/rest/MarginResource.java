package io.portage.finance.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.service.Margins;
import io.portage.kit.rest.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Margin per order at {@code /api/v1/margins}: of one order, or of the orders invoiced in a period. For finance (realm
 * role {@code finance}).
 */
@Path("/api/v1/margins")
@Produces(MediaType.APPLICATION_JSON)
public class MarginResource {

    private final Margins margins;
    private final FinanceCallers callers;

    public MarginResource(Margins margins, FinanceCallers callers) {
        this.margins = margins;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Operation(summary = "Margin per order", description = "revenue - credit notes - carrier cost - payment fees, of one "
            + "order (orderId) or of the orders invoiced in [from, to). Payment fees come from the payouts import "
            + "(/api/v1/payouts); until the order's payment is imported they are zero and paymentFeesKnown false.")
    public Uni<List<Margins.Margin>> margins(
            @QueryParam("orderId") @Pattern(regexp = InvoiceReleaseResource.ID, message = "must be an order id") String orderId,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        callers.financeActor();
        if (orderId != null) {
            return margins.ofOrder(orderId);
        }
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "is required without orderId");
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return margins.ofPeriod(from, to, limit);
    }
}
