package io.portage.order.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.portage.kit.rest.ProblemException;
import io.portage.kit.rest.ProblemMappers;
import io.portage.order.domain.OrderStateException;
import io.portage.order.domain.OrderStatus;
import io.portage.order.service.OdooUnavailableException;
import io.portage.order.service.StaleOrderException;

/** Turns order-service's domain failures into RFC 9457 problems, each with its status and type. */
public class OrderProblemMappers {

    private final ProblemMappers problems;

    public OrderProblemMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response staleOrder(StaleOrderException e, UriInfo uri) {
        return problems.problem(new ProblemException(412, "version-mismatch", "The order has changed", e.getMessage()),
                uri);
    }

    /** A refused cancellation or change: while accepted, only a hand-over in progress refuses it (try again). */
    @ServerExceptionMapper
    public Response orderState(OrderStateException e, UriInfo uri) {
        boolean busy = e.status() == OrderStatus.ACCEPTED;
        return problems.problem(new ProblemException(409, busy ? "order-in-hand-over" : "order-state",
                busy ? "Order is being confirmed in Odoo" : "Order cannot do that now", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response odooUnavailable(OdooUnavailableException e, UriInfo uri) {
        return problems.problem(new ProblemException(503, "odoo-unavailable", "Odoo could not be read", e.getMessage()),
                uri);
    }
}
