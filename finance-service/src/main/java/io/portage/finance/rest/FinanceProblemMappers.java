package io.portage.finance.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.portage.finance.service.InvalidCarrierInvoiceException;
import io.portage.finance.service.InvalidPayoutFileException;
import io.portage.finance.service.InvoiceNotReleasableException;
import io.portage.finance.service.NoRateCardException;
import io.portage.finance.service.RateCardOverlapException;
import io.portage.finance.service.RefundNotPendingException;
import io.portage.finance.service.UnknownBatchException;
import io.portage.finance.service.UnknownOrderInvoiceException;
import io.portage.finance.service.UnknownPayoutImportException;
import io.portage.finance.service.UnknownRefundException;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.rest.ProblemMappers;

/** Turns finance-service's domain failures into RFC 9457 problems, each with its status and type. */
public class FinanceProblemMappers {

    private final ProblemMappers problems;

    public FinanceProblemMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response rateCardOverlap(RateCardOverlapException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, "rate-card-overlap", "Rate card overlaps", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response noRateCard(NoRateCardException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "no-rate-card", "No rate card", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidCarrierInvoice(InvalidCarrierInvoiceException e, UriInfo uri) {
        return problems.problem(ProblemException.invalid(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidPayoutFile(InvalidPayoutFileException e, UriInfo uri) {
        return problems.problem(ProblemException.invalid(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unknownPayoutImport(UnknownPayoutImportException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "not-found", "Not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unknownBatch(UnknownBatchException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "not-found", "Not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unknownOrder(UnknownOrderInvoiceException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "not-found", "Not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response notReleasable(InvoiceNotReleasableException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, "invoice-not-releasable", "Invoice not releasable",
                e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unknownRefund(UnknownRefundException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "not-found", "Not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response refundNotPending(RefundNotPendingException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, "refund-not-pending", "Refund not pending", e.getMessage()), uri);
    }
}
