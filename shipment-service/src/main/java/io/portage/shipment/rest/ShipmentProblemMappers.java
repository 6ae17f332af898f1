package io.portage.shipment.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.portage.kit.rest.Problem;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.rest.ProblemMappers;
import io.portage.shipment.domain.DispatchRefusedException;
import io.portage.shipment.domain.ReturnRefusedException;
import io.portage.shipment.domain.ShipmentStateException;
import io.portage.shipment.service.CarrierFailedException;
import io.portage.shipment.service.NoCarrierException;
import io.portage.shipment.service.WebhookRefusedException;

/** Turns shipment-service's domain failures into RFC 9457 problems, each with its status and type. */
public class ShipmentProblemMappers {

    private final ProblemMappers problems;

    public ShipmentProblemMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response wrongState(ShipmentStateException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, "shipment-state", "Not in this state", e.getMessage()), uri);
    }

    /** No carrier rated or sold a label: each carrier named with its own code and message, as a violation of its own. */
    @ServerExceptionMapper
    public Response noCarrier(NoCarrierException e, UriInfo uri) {
        return problems.problem(new ProblemException(502, "no-carrier", "No carrier", e.getMessage(),
                e.errors().stream().map(LabelResource::violation).toList()), uri);
    }

    @ServerExceptionMapper
    public Response carrierFailed(CarrierFailedException e, UriInfo uri) {
        return problems.problem(new ProblemException(502, "carrier-failed", "Carrier failed", e.getMessage(),
                List.of(LabelResource.violation(e.error()))), uri);
    }

    @ServerExceptionMapper
    public Response webhookRefused(WebhookRefusedException e, UriInfo uri) {
        Response response = switch (e.reason()) {
            case UNKNOWN_CARRIER -> problems.problem(new ProblemException(404, "unknown-carrier", "No such webhook carrier",
                    e.getMessage()), uri);
            case BAD_SIGNATURE -> problems.problem(new ProblemException(401, "bad-signature", "Unauthorized",
                    e.getMessage()), uri);
            case UNREADABLE -> problems.problem(new ProblemException(400, "invalid-request", "Invalid request",
                    e.getMessage(), List.of(new Problem.Violation("body", e.getMessage()))), uri);
        };
        return response;
    }

    @ServerExceptionMapper
    public Response returnRefused(ReturnRefusedException e, UriInfo uri) {
        return problems.problem(new ProblemException(422, "return-refused", "Return refused", e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response dispatchRefused(DispatchRefusedException e, UriInfo uri) {
        return problems.problem(new ProblemException(422, "dispatch-refused", "Dispatch refused", e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))), uri);
    }
}
