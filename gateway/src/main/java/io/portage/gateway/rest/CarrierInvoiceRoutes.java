package io.portage.gateway.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.gateway.idempotency.IdempotencyKeys;
import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.portage.gateway.service.PartnerApiRouting;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Carriers' invoices at {@code /api/v1/carrier-invoices}, routed to finance-service's audit ({@code invoices:write}):
 * the carrier is the token's partner; the same invoice again answers the batch it made, and an Idempotency-Key makes a
 * retried call one call.
 */
@Path("/api/v1/carrier-invoices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CarrierInvoiceRoutes {

    private static final String WRITE = "invoices:write";

    private final PartnerApiRouting routing;
    private final CallerResolver callers;
    private final CorrelationContext correlation;
    private final IdempotencyKeys idempotency;

    public CarrierInvoiceRoutes(PartnerApiRouting routing, CallerResolver callers, CorrelationContext correlation,
            IdempotencyKeys idempotency) {
        this.routing = routing;
        this.callers = callers;
        this.correlation = correlation;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one line", value = """
            {"invoiceNumber": "INV-1001", "invoiceDate": "2026-12-05", "currency": "EUR",
             "lines": [{"line": 1, "trackingNumber": "1Z001", "shipDate": "2026-12-01", "origin": "NL",
                        "destination": "DE", "service": "ROAD", "declaredWeightKg": 100, "billedWeightKg": 100,
                        "freight": 45.00, "fuel": 9.00, "accessorials": {"LIFTGATE": 25.00}, "total": 79.00}]}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = WRITE)
    @Operation(summary = "Send your invoice for the audit (scope invoices:write)", description = "Each line is re-rated against your rate card and matched to the labels Portage bought from you within the agreed tolerances; matched lines are billed, the others disputed with their evidence. The same invoice again answers the batch it made the first time and creates nothing.")
    @APIResponse(responseCode = "202", description = "Received; audited in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditBatchView")))
    @APIResponse(responseCode = "200", description = "This invoice was received before: its batch", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditBatchView")))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for another request")
    public Uni<Response> send(@NotBlank String body,
            @Parameter(description = "Optional: the first answer for this key is returned again for 24 h") @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Caller caller = callers.caller();
        caller.require(WRITE);
        String correlationId = correlation.id();
        return idempotency.once(caller.partnerId(), key, "POST /api/v1/carrier-invoices", body,
                () -> routing.sendCarrierInvoice(body, correlationId));
    }
}
