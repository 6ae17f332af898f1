package io.portage.kit.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.portage.kit.domain.NotFoundException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;

/**
 * Turns every failure into an RFC 9457 problem: invalid bodies and fields into 400 with the field's JSON path,
 * business failures into their own status, anything unexpected into a 500 that reveals nothing internal.
 */
public class ProblemMappers {

    private final CorrelationContext correlation;

    public ProblemMappers(CorrelationContext correlation) {
        this.correlation = correlation;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return respond(400, "invalid-request", "Invalid request", detail, uri, violations);
    }

    /** Declared for the subtype too: Quarkus REST ships its own mapper for it, which would otherwise win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = "has the wrong type or format";
            return respond(400, "invalid-request", "Invalid request", field + ": " + message, uri,
                    List.of(new Problem.Violation(field, message)));
        }
        String location = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + location, uri, null);
    }

    /** Every service's "no such thing" ({@link NotFoundException}'s subclasses). */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(404, "not-found", "Not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e, uri.getPath(), correlation.id()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e.getCause() instanceof ProblemException refused) {
            // A parameter QueryParameterConverters could not read, wrapped by JAX-RS.
            return problem(refused, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Response response = respond(status, "http-" + status, title, status >= 500 ? title : e.getMessage(), uri, null);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.getHeaders().add(name, value));
            }
        });
        return response;
    }

    /** No token, or one that failed verification, where the path's permission needs one. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Response response = respond(401, "unauthorized", "Unauthorized", AccessProblems.UNAUTHORIZED, uri, null);
        response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
        return response;
    }

    /** A token without the role the path's permission needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", AccessProblems.FORBIDDEN, uri, null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (clientWentAway(e)) {
            // The caller closed the connection before its request was read: no answer reaches it, nothing was stored.
            Log.infof("Client closed the connection during %s (correlation %s)", uri.getPath(), correlation.id());
            return respond(400, "request-aborted", "Request aborted", "The connection closed before the request was read",
                    uri, null);
        }
        Log.errorf(e, "Unexpected failure on %s (correlation %s)", uri.getPath(), correlation.id());
        return respond(Problem.internalError(uri.getPath(), correlation.id()));
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private Response respond(int status, String slug, String title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        return respond(new Problem(Problem.type(slug), title, status, detail, Problem.instance(uri.getPath()),
                correlation.id(), violations));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * {@code receive.body.lines[0].quantity} becomes {@code lines[0].quantity}: the path as the caller wrote it. A
     * violation on a parameter itself (a query parameter, a missing body) is named after the parameter.
     */
    static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER, BEAN -> {
                }
                case PARAMETER -> parameter = node.getName();
                case CONTAINER_ELEMENT -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
        }
        if (field.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        return field.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
