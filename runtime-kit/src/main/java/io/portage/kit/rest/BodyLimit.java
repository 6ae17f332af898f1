package io.portage.kit.rest;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose announced body ({@code Content-Length}) is over {@code quarkus.http.limits.max-body-size}
 * with a 413 problem naming the header and the limit, before any of the body is read and ahead of Quarkus' own check,
 * which answers with no body. The connection is closed after the answer: the unread body is not drained. A chunked body
 * that grows over the limit is still cut off by Quarkus, without a problem (it has no length to check up front).
 */
@Singleton
public class BodyLimit {

    private final Optional<MemorySize> limit;
    private final ObjectMapper json;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    void install(@Observes Router router) {
        if (limit.isPresent()) {
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long max = limit.get().asLongValue();
        if (announced != null && over(announced, max)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.response().endHandler(ended -> context.request().connection().close());
            RouteAnswers.problem(context, json, 413, "payload-too-large", "Payload too large",
                    "The body is " + announced + " bytes; this service takes at most " + max,
                    List.of(new Problem.Violation("Content-Length", "must be at most " + max + " bytes")));
            return;
        }
        context.next();
    }

    /** Over the limit; a header that is not a number is left to the HTTP layer. */
    private static boolean over(String announced, long max) {
        try {
            return Long.parseLong(announced.strip()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
