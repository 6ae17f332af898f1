package io.portage.edge.rest;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.kit.rest.Problem;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem answers sent by the agent's Vert.x route handlers (the door, the intake budget) before a request reaches
 * JAX-RS, with an {@code instance} that is a valid URI whatever the request's path holds.
 */
final class RouteProblems {

    private RouteProblems() {
    }

    static void send(RoutingContext context, ObjectMapper json, int status, String slug, String title, String detail,
            Map<String, String> headers) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, instance(context.request().path()), null,
                null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
            Log.debugf(e, "Could not write the %d problem", status);
        }
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }

    /** The request's path as a problem's {@code instance}, whatever it holds (runtime-kit's {@link Problem#instance}). */
    static URI instance(String rawPath) {
        return Problem.instance(rawPath);
    }
}
