package io.portage.kit.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path parameters, query parameters or headers carry a NUL character (U+0000, {@code %00})
 * with a 400 naming the parameter: PostgreSQL cannot store or compare one in text, so it would otherwise fail at the
 * database with a 500. {@link TextWithoutNul} does the same for JSON bodies.
 */
public class ParametersWithoutNul {

    static final String MESSAGE = "must not contain a NUL character";

    @ServerRequestFilter
    public void refuseNul(ContainerRequestContext request) {
        check("path parameter", request.getUriInfo().getPathParameters());
        check("query parameter", request.getUriInfo().getQueryParameters());
        check("header", request.getHeaders());
    }

    private static void check(String kind, MultivaluedMap<String, String> values) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (hasNul(entry.getKey()) || entry.getValue().stream().anyMatch(ParametersWithoutNul::hasNul)) {
                String name = hasNul(entry.getKey()) ? entry.getKey().replace('\u0000', '?') : entry.getKey();
                throw new ProblemException(400, "invalid-request", "Invalid request", kind + " " + name + ": " + MESSAGE,
                        List.of(new Problem.Violation(name, MESSAGE)));
            }
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
