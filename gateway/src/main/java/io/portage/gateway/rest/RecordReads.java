package io.portage.gateway.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.portage.contracts.CloudEventAttributes;
import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.limits.RateLimitFilter;
import io.portage.gateway.limits.RateLimiter;
import io.portage.gateway.limits.TokenBucket;
import io.portage.gateway.reliability.TrafficRecording;
import io.portage.gateway.service.Caller;
import io.portage.gateway.service.PartnerApiRouting;
import io.portage.gateway.service.TokenClaims;
import io.portage.gateway.versions.DeprecationFilter;
import io.portage.kit.rest.CorrelationFilter;
import io.portage.kit.rest.Problem;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Partners' reads of one record ({@code GET /api/v1/orders/{id}}, {@code /shipments/{id}}, {@code /appointments/{id}}),
 * the gateway's busiest calls, answered on the Vert.x route ahead of the REST layer: the same verified token (Quarkus
 * authenticates every request first), partner, scope, rate limit, correlation id, relay, owner re-check and problem
 * answers as the REST resources, without their per-call machinery. A call that is not a plain allowed read (no or an
 * invalid token, no partner, a missing scope, a malformed id, an empty bucket, a deprecated route) goes on to the REST
 * resource, which answers it as it always has; so this route only ever answers what the resource would have answered
 * with a relayed record.
 */
@ApplicationScoped
public class RecordReads {

    /** A record route: its path, route group, scope and how its id must look (then as relayed). */
    private record Read(String path, String group, String scope, UnaryOperator<String> id) {

        /** As the REST resource's template names it, for the partner's reliability figures. */
        String template() {
            return "GET " + path.replace(":id", "{id}");
        }
    }

    /** The verified partner and the {@code Authorization} header relayed for it. */
    private record Verified(Caller caller, String authorization) {
    }

    private static final Pattern ORDER_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final List<Read> READS = List.of(
            new Read("/api/v1/orders/:id", PartnerApiRouting.ORDERS, "orders:read",
                    id -> ORDER_ID.matcher(id).matches() ? id : null),
            new Read("/api/v1/shipments/:id", PartnerApiRouting.SHIPMENTS, "shipments:read", RecordReads::uuid),
            new Read("/api/v1/appointments/:id", PartnerApiRouting.APPOINTMENTS, "appointments:read", RecordReads::uuid));

    private final PartnerApiRouting routing;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final String partnerClaim;
    private final Map<String, GatewayConfig.Deprecation> deprecations;
    private final LongAdder answered = new LongAdder();

    public RecordReads(PartnerApiRouting routing, RateLimiter limiter, ObjectMapper json, GatewayConfig config) {
        this.routing = routing;
        this.limiter = limiter;
        this.json = json;
        this.partnerClaim = config.partnerClaim();
        this.deprecations = config.deprecations();
    }

    void register(@Observes Router router) {
        for (Read read : READS) {
            String template = read.template();
            router.get(read.path()).handler(context -> {
                TrafficRecording.route(context, template);
                read(context, read);
            });
        }
    }

    /** Reads this route has answered itself (the others went on to the REST resources). */
    public long answered() {
        return answered.sum();
    }

    private void read(RoutingContext context, Read read) {
        String id = read.id().apply(context.pathParam("id"));
        Verified verified = id == null || deprecated(context.normalizedPath()) ? null : verified(context, read.scope());
        TokenBucket.Decision decision = verified == null || !limiter.enabled()
                ? null
                : limiter.take(verified.caller().partnerId(), read.group());
        if (verified == null || (decision != null && !decision.allowed())) {
            context.next();
            return;
        }
        answered.increment();
        String header = context.request().getHeader(CloudEventAttributes.CORRELATION_HEADER);
        String correlationId = CorrelationFilter.idFrom(header);
        MDC.put("correlationId", correlationId);
        Span.current().setAttribute("portage.correlation_id", correlationId);
        try {
            routing.readRecord(read.group(), verified.caller(), verified.authorization(), id, correlationId)
                    .subscribe()
                    .with(relayed -> answer(context, relayed, decision, correlationId),
                            failure -> fail(context, failure, decision, correlationId));
        } finally {
            MDC.remove("correlationId");
        }
    }

    /** The verified caller if it is a partner holding {@code scope}; null sends the call on to the REST resource. */
    private Verified verified(RoutingContext context, String scope) {
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        io.portage.kit.security.Caller caller = io.portage.kit.security.Caller.of(TokenClaims.of(token), partnerClaim);
        if (caller.partnerId() == null || !caller.scopes().contains(scope) || token.getRawToken() == null) {
            return null;
        }
        return new Verified(new Caller(caller.partnerId(), caller.clientId(), caller.scopes()),
                "Bearer " + token.getRawToken());
    }

    private boolean deprecated(String path) {
        return deprecations.keySet().stream().anyMatch(prefix -> DeprecationFilter.covers(prefix, path));
    }

    private static void answer(RoutingContext context, Response relayed, TokenBucket.Decision decision,
            String correlationId) {
        HttpServerResponse response = start(context, relayed.getStatus(), decision, correlationId);
        for (String name : new String[]{HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG}) {
            String value = relayed.getHeaderString(name);
            if (value != null) {
                response.putHeader(name, value);
            }
        }
        Object body = relayed.getEntity();
        if (body == null) {
            response.end();
        } else {
            response.end(body.toString());
        }
    }

    /** A failure as the REST layer's problem mappers answer it: the problem it carries, else a 500 to report. */
    private void fail(RoutingContext context, Throwable failure, TokenBucket.Decision decision, String correlationId) {
        Problem problem;
        if (failure instanceof ProblemException refused) {
            problem = Problem.of(refused, context.normalizedPath(), correlationId);
        } else {
            Log.errorf(failure, "Reading %s failed", context.normalizedPath());
            problem = Problem.internalError(context.normalizedPath(), correlationId);
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        start(context, problem.status(), decision, correlationId).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    private static HttpServerResponse start(RoutingContext context, int status, TokenBucket.Decision decision,
            String correlationId) {
        HttpServerResponse response = context.response().setStatusCode(status);
        response.putHeader(CloudEventAttributes.CORRELATION_HEADER, correlationId);
        if (decision != null) {
            RateLimitFilter.headers(decision).forEach((name, value) -> response.putHeader(name, String.valueOf(value)));
        }
        return response;
    }

    private static String uuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
