package io.portage.shipment.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.portage.kit.rest.ProblemException;
import io.portage.kit.rest.ProblemMappers;
import io.portage.shipment.service.ShipmentNotFoundException;

/** Turns shipment-service's domain failures into RFC 9457 problems, each with its status and type. */
public class ShipmentProblemMappers {

    private final ProblemMappers problems;

    public ShipmentProblemMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response shipmentNotFound(ShipmentNotFoundException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "not-found", "Not found", e.getMessage()), uri);
    }
}
