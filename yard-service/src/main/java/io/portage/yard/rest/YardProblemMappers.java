package io.portage.yard.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.kit.rest.Problem;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.rest.ProblemMappers;
import io.portage.yard.domain.AppointmentStateException;
import io.portage.yard.domain.BookingRefusedException;
import io.portage.yard.service.IdempotencyKeyReusedException;
import io.portage.yard.service.SlotTakenException;

/** Turns yard-service's domain failures into RFC 9457 problems, each with its status and type. */
public class YardProblemMappers {

    private final ProblemMappers problems;
    private final ObjectMapper json;

    public YardProblemMappers(ProblemMappers problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @ServerExceptionMapper
    public Response slotTaken(SlotTakenException e, UriInfo uri) {
        return withRule(problems.problem(new ProblemException(409, "slot-taken", "Slot taken", e.getMessage()), uri),
                "capacity");
    }

    @ServerExceptionMapper
    public Response notNow(AppointmentStateException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, "appointment-state", "Not in this state", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return problems.problem(new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage()),
                uri);
    }

    /** A booking rule refused the request: 422, the rule in the problem's {@code rule} member, the field concerned. */
    @ServerExceptionMapper
    public Response bookingRefused(BookingRefusedException e, UriInfo uri) {
        return withRule(problems.problem(new ProblemException(422, "booking-refused", "Booking refused",
                e.rule() + ": " + e.getMessage(), List.of(new Problem.Violation(e.field(), e.getMessage()))), uri), e.rule());
    }

    private Response withRule(Response response, String rule) {
        Map<String, Object> body = new LinkedHashMap<>(json.convertValue(response.getEntity(),
                new TypeReference<Map<String, Object>>() {
                }));
        body.put("rule", rule);
        return Response.fromResponse(response).entity(body).build();
    }
}
