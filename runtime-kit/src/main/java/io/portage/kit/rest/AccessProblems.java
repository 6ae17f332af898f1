package io.portage.kit.rest;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request the HTTP security layer refuses before any resource (a bearer token that fails verification: 401;
 * a token without the role a permission checked there needs: 403) with a problem, as every other refusal is: Quarkus
 * would send an empty body. Permissions checked at the resource ({@code applies-to=JAXRS}) are {@link ProblemMappers}'.
 */
@Singleton
public class AccessProblems {

    static final String UNAUTHORIZED = "A valid bearer access token is required (missing, expired, or not issued for this API)";
    static final String FORBIDDEN = "The access token does not grant the role or scope this operation needs";

    private final ObjectMapper json;

    public AccessProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refused);
    }

    private void refused(RoutingContext context) {
        Throwable failure = context.failure();
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            context.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            response.putHeader("WWW-Authenticate", "Bearer");
            answer(context, 401, "unauthorized", "Unauthorized", UNAUTHORIZED);
        } else if (failure instanceof ForbiddenException) {
            answer(context, 403, "forbidden", "Forbidden", FORBIDDEN);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, int status, String slug, String title, String detail) {
        RouteAnswers.problem(context, json, status, slug, title, detail, null);
    }
}
