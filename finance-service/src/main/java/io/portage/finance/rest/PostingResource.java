package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.finance.domain.Posting;
import io.portage.finance.service.Postings;
import io.portage.kit.rest.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * "Why was this posted" at {@code /api/v1/postings}: what Portage posted in Odoo under a move id or ref, with the event
 * ids, batch and correlation id that caused it. For finance (realm role {@code finance}).
 */
@Path("/api/v1/postings")
@Produces(MediaType.APPLICATION_JSON)
public class PostingResource {

    private final Postings postings;
    private final FinanceCallers callers;
    private final ObjectMapper json;

    public PostingResource(Postings postings, FinanceCallers callers, ObjectMapper json) {
        this.postings = postings;
        this.callers = callers;
        this.json = json;
    }

    /**
     * A posting as the API shows it: {@code companyAmount} is what Odoo booked in {@code companyCurrency}, and
     * {@code exchangeRate} the units of {@code currency} for one of the company currency (null: not read from Odoo).
     */
    public record PostingView(String kind, long odooMoveId, String odooMoveName, String ref, BigDecimal amount,
            String currency, BigDecimal companyAmount, String companyCurrency, BigDecimal exchangeRate,
            Map<String, Object> causedBy, String correlationId, Instant postedAt) {
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Operation(summary = "Why was this posted", description = "The postings of an Odoo move (odooMoveId) or of a ref, "
            + "oldest first, each with what caused it and what Odoo booked in the company currency at which rate.")
    public Uni<List<PostingView>> why(@QueryParam("odooMoveId") @Min(1) Long odooMoveId,
            @QueryParam("ref") @Size(min = 1, max = 200) String ref) {
        callers.financeActor();
        if (odooMoveId == null && ref == null) {
            throw ProblemException.invalid("odooMoveId", "or ref is required");
        }
        return postings.of(odooMoveId, ref).map(rows -> rows.stream().map(this::view).toList());
    }

    private PostingView view(Posting posting) {
        try {
            return new PostingView(posting.kind(), posting.odooMoveId(), posting.odooMoveName(), posting.ref(),
                    posting.amount(), posting.currency(), posting.companyAmount(), posting.companyCurrency(),
                    posting.exchangeRate(), json.readValue(posting.causedByJson(),
                            new TypeReference<Map<String, Object>>() {
                            }),
                    posting.correlationId(), posting.postedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
