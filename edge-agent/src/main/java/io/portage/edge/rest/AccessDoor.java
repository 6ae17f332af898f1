package io.portage.edge.rest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.edge.domain.AccessKey;
import io.portage.edge.domain.AccessRole;
import io.portage.edge.service.AccessService;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The agent's one door, in front of every HTTP route: {@code POST /api/v1/events} and {@code /api/v1/events/batch}
 * take a device's key, health probes, metrics and the OpenAPI document are open, and everything else (status,
 * backlog, dead letters, replay, any path added later) takes an operator's key, given as
 * {@code Authorization: Bearer <key>}. No key or an unknown (revoked) one is 401, the wrong role 403, both as
 * problem+json, before the request's body is read.
 */
@ApplicationScoped
public class AccessDoor {

    static final String SCHEME = "Bearer";
    private static final Set<String> DEVICE_PATHS = Set.of("/api/v1/events", "/api/v1/events/", "/api/v1/events/batch",
            "/api/v1/events/batch/");
    private static final Set<String> OPEN_PATHS = Set.of("/q/health", "/q/health/", "/q/health/live", "/q/health/ready",
            "/q/health/started", "/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/");
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate",
            SCHEME + " realm=\"portage-edge-agent\"");

    private final AccessService access;
    private final ObjectMapper json;

    public AccessDoor(AccessService access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    void install(@Observes Router router) {
        // Before the intake budget (ROUTE_ORDER_BEFORE_DEFAULT): a request without a key holds none of it.
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10).handler(this::check);
    }

    /** The role a request needs, or none for the open paths. */
    static Optional<AccessRole> required(HttpMethod method, String path) {
        if (OPEN_PATHS.contains(path) || path.startsWith("/q/swagger-ui/") && method == HttpMethod.GET) {
            return Optional.empty();
        }
        if (method == HttpMethod.POST && DEVICE_PATHS.contains(path)) {
            return Optional.of(AccessRole.DEVICE);
        }
        return Optional.of(AccessRole.OPERATOR);
    }

    private void check(RoutingContext context) {
        Optional<AccessRole> needed = required(context.request().method(), context.normalizedPath());
        if (needed.isEmpty()) {
            context.next();
            return;
        }
        String presented = bearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        Optional<AccessKey> key = presented == null ? Optional.empty() : access.identify(presented);
        if (key.isEmpty()) {
            RouteProblems.send(context, json, 401, "unauthorized", "Unauthorized", presented == null
                    ? "This needs " + article(needed.get()) + " key: Authorization: Bearer <key>"
                    : "The key is not one this agent holds (unknown or revoked)", CHALLENGE);
            return;
        }
        if (key.get().role() != needed.get()) {
            RouteProblems.send(context, json, 403, "forbidden", "Forbidden",
                    "This needs " + article(needed.get()) + " key; " + key.get().name() + " is "
                            + article(key.get().role()) + " key",
                    Map.of());
            return;
        }
        context.next();
    }

    private static String article(AccessRole role) {
        return role == AccessRole.OPERATOR ? "an operator's" : "a device's";
    }

    private static String bearer(String header) {
        if (header == null || header.length() <= SCHEME.length() + 1
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        String key = header.substring(SCHEME.length() + 1).strip();
        return key.isEmpty() ? null : key;
    }
}
