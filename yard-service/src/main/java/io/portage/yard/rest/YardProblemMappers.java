package io.portage.yard.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.portage.kit.rest.ProblemException;
import io.portage.kit.rest.ProblemMappers;
import io.portage.yard.service.AppointmentNotFoundException;
import io.portage.yard.service.SlotTakenException;

/** Turns yard-service's domain failures into RFC 9457 problems, each with its status and type. */
public class YardProblemMappers {

    private final ProblemMappers problems;

    public YardProblemMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response appointmentNotFound(AppointmentNotFoundException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "not-found", "Not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response slotTaken(SlotTakenException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, "slot-taken", "Slot taken", e.getMessage()), uri);
    }
}
