package io.portage.finance.rest;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.service.CarrierInvoiceCsv;
import io.portage.finance.service.CarrierInvoiceIntake;
import io.portage.finance.service.CarrierInvoiceReports;
import io.portage.finance.service.ReconciliationReport;
import io.portage.kit.rest.CorrelationContext;
import io.smallrye.mutiny.Uni;

/**
 * Carrier invoice batches at {@code /api/v1/carrier-invoice-batches}: a carrier's CSV file imported for the audit, its
 * progress, and its reconciliation report as JSON and CSV. For finance (realm role {@code finance}).
 */
@Path("/api/v1/carrier-invoice-batches")
public class AuditBatchResource {

    static final String CSV = "text/csv";

    private final CarrierInvoiceIntake intake;
    private final CarrierInvoiceReports reports;
    private final FinanceCallers callers;
    private final CorrelationContext correlation;

    public AuditBatchResource(CarrierInvoiceIntake intake, CarrierInvoiceReports reports, FinanceCallers callers,
            CorrelationContext correlation) {
        this.intake = intake;
        this.reports = reports;
        this.callers = callers;
        this.correlation = correlation;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a carrier invoice file for the audit", description = "The CSV format is finance-service's "
            + "README's. The same invoices again answer the batch they made the first time (200) and create nothing.")
    @APIResponse(responseCode = "202", description = "Received; audited in the background", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditBatchView.class)))
    @APIResponse(responseCode = "200", description = "These invoices were received before: their batch", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditBatchView.class)))
    public Uni<Response> importFile(@NotNull String body) {
        String actor = callers.financeActor();
        return intake.receive("csv", CarrierInvoiceCsv.read(body), actor, correlation.id())
                .map(CarrierInvoiceResource::accepted);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A batch's progress: lines audited of all, and whether its bills are posted")
    public Uni<AuditBatchView> progress(@PathParam("id") UUID id) {
        callers.financeActor();
        return reports.batch(id).map(AuditBatchView::of);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Path("/{id}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A batch's reconciliation report", description = "Totals per carrier, currency, outcome and "
            + "dispute class; each invoice's Odoo bill; each disputed line with its evidence.")
    public Uni<ReconciliationReport> report(@PathParam("id") UUID id) {
        callers.financeActor();
        return reports.report(id);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Path("/{id}/report.csv")
    @Produces(CSV)
    @Operation(summary = "A batch's reconciliation totals as CSV", description = "Columns "
            + ReconciliationCsv.HEADER + ".")
    @APIResponse(responseCode = "200", description = "The totals", content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> reportCsv(@PathParam("id") UUID id) {
        callers.financeActor();
        return reports.report(id).map(ReconciliationCsv::of);
    }

    static URI location(UUID id) {
        return URI.create("/api/v1/carrier-invoice-batches/" + id);
    }
}
