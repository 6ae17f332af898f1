package io.portage.finance.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.InvoiceLine;
import io.portage.finance.domain.Lane;
import io.portage.finance.service.CarrierInvoiceIntake;
import io.portage.finance.service.ReceivedInvoice;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Carrier invoices at {@code /api/v1/carrier-invoices}: a carrier posts its invoice (its partner token with scope
 * {@code invoices:write}; the carrier is the token's partner), or finance enters one for a carrier it names; either
 * goes into the audit as a batch of its own.
 */
@Path("/api/v1/carrier-invoices")
public class CarrierInvoiceResource {

    private final CarrierInvoiceIntake intake;
    private final FinanceCallers callers;
    private final CorrelationContext correlation;

    public CarrierInvoiceResource(CarrierInvoiceIntake intake, FinanceCallers callers, CorrelationContext correlation) {
        this.intake = intake;
        this.callers = callers;
        this.correlation = correlation;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "invoices:write")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a carrier invoice for the audit", description = "The same invoice again answers the batch "
            + "it made the first time (200) and creates nothing; an invoice number used before is audited as duplicate "
            + "billing and never billed.")
    @APIResponse(responseCode = "202", description = "Received; audited in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditBatchView.class)))
    @APIResponse(responseCode = "200", description = "This invoice was received before: its batch", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditBatchView.class)))
    public Uni<Response> send(@NotNull @Valid CarrierInvoiceRequest body) {
        String carrier;
        String actor;
        if (callers.finance()) {
            actor = callers.financeActor();
            if (body.carrier() == null) {
                throw ProblemException.invalid("carrier", "is required when finance enters an invoice");
            }
            carrier = body.carrier();
        } else {
            carrier = callers.carrier();
            actor = carrier;
            if (body.carrier() != null && !body.carrier().equals(carrier)) {
                throw ProblemException.invalid("carrier", "is the calling carrier's own (" + carrier + ") or absent");
            }
        }
        try {
            java.util.Currency.getInstance(body.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("currency", "is not an ISO 4217 currency");
        }
        Set<Integer> numbers = new HashSet<>();
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            CarrierInvoiceRequest.Line line = body.lines().get(i);
            if (!numbers.add(line.line())) {
                throw ProblemException.invalid("lines[" + i + "].line", "is used by another line of the invoice");
            }
            InvoiceLine parsed = new InvoiceLine(line.line(), line.trackingNumber(), line.shipDate(),
                    new Lane(line.origin(), line.destination()), line.service(), line.declaredWeightKg(),
                    line.billedWeightKg(), line.freight(), line.fuel(),
                    line.accessorials() == null ? Map.of() : line.accessorials(), line.total());
            if (!parsed.addsUp()) {
                throw ProblemException.invalid("lines[" + i + "].total", "must be freight + fuel + accessorials");
            }
            lines.add(parsed);
        }
        ReceivedInvoice invoice = new ReceivedInvoice(carrier, body.invoiceNumber(), body.invoiceDate(), body.currency(),
                lines);
        return intake.receive("api", List.of(invoice), actor, correlation.id()).map(CarrierInvoiceResource::accepted);
    }

    static Response accepted(CarrierInvoiceIntake.Intake received) {
        return Response.status(received.created() ? 202 : 200)
                .location(AuditBatchResource.location(received.batch().id()))
                .entity(AuditBatchView.of(received.batch()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
