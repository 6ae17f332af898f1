package io.portage.kit.rest;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.vertx.ext.web.RoutingContext;

/** Problems answered on a Vert.x route, ahead of the REST layer, exactly as its exception mappers answer them. */
final class RouteAnswers {

    private RouteAnswers() {
    }

    static void problem(RoutingContext context, ObjectMapper json, int status, String slug, String title, String detail,
            List<Problem.Violation> violations) {
        String correlation = CorrelationFilter.idFrom(context.request().getHeader(CloudEventAttributes.CORRELATION_HEADER));
        Problem problem = new Problem(Problem.type(slug), title, status, detail, Problem.instance(context.request().path()),
                correlation, violations);
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(CloudEventAttributes.CORRELATION_HEADER, correlation)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
