package io.portage.gateway.limits;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.reliability.TrafficRecording;
import io.portage.gateway.service.TokenClaims;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the partner's rate limit to every {@code /api/v1} call with a verified token: 429 problem with
 * {@code Retry-After} when the bucket is empty, and {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} and {@code RateLimit-Policy} on every answer (draft-ietf-httpapi-ratelimit-headers); a refusal
 * counts as {@code limited} in the partner's reliability figures. Calls without a valid token are answered 401 by the
 * security layer and not counted.
 */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    private static final String API = "api/v1/";

    private final RateLimiter limiter;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final CorrelationContext correlation;
    private final String partnerClaim;

    public RateLimitFilter(RateLimiter limiter, SecurityIdentity identity, JsonWebToken token,
            CorrelationContext correlation, GatewayConfig config) {
        this.limiter = limiter;
        this.identity = identity;
        this.token = token;
        this.correlation = correlation;
        this.partnerClaim = config.partnerClaim();
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, RoutingContext routing) {
        if (!limiter.enabled() || identity.isAnonymous()) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.startsWith(API)) {
            return null;
        }
        String rest = relative.substring(API.length());
        int slash = rest.indexOf('/');
        String group = slash < 0 ? rest : rest.substring(0, slash);
        Object partner = TokenClaims.of(token).getClaim(partnerClaim);
        String caller = partner == null ? "user:" + identity.getPrincipal().getName() : partner.toString().replace("\"", "");
        TokenBucket.Decision decision = limiter.take(caller, group.isEmpty() ? "-" : group);
        request.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        TrafficRecording.rateLimited(routing);
        Problem problem = new Problem(Problem.type("rate-limited"), "Too many requests", 429,
                "The rate limit of " + decision.policy() + " (requests;w=seconds) on " + group + " is used up; try again in "
                        + decision.retryAfterSeconds() + " s",
                Problem.instance(path), correlation.id(), null);
        Response.ResponseBuilder refused = Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .header("Retry-After", decision.retryAfterSeconds());
        headers(decision).forEach(refused::header);
        return refused.build();
    }

    @ServerResponseFilter
    public void state(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof TokenBucket.Decision decision && decision.allowed()) {
            headers(decision).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    /** The RateLimit-* headers of an answer the limiter let through. */
    public static java.util.Map<String, Object> headers(TokenBucket.Decision decision) {
        return java.util.Map.of("RateLimit-Limit", decision.limit(), "RateLimit-Remaining", decision.remaining(),
                "RateLimit-Reset", decision.resetSeconds(), "RateLimit-Policy", decision.policy());
    }
}
