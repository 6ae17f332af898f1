package io.portage.gateway.reliability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.service.TokenClaims;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every {@code /api/v1} request from its arrival to the end of its answer and counts it for its partner in
 * {@link PartnerTraffic}: the route template the REST resource or {@code RecordReads} matched (never the raw path with
 * its ids), the status class, or {@code limited} when the rate limiter refused it and {@code closed} when the caller
 * left before the answer. Requests without a verified partner token (401, operators) are not partners' traffic.
 */
@ApplicationScoped
public class TrafficRecording {

    private static final String ROUTE = TrafficRecording.class.getName() + ".route";
    private static final String LIMITED = TrafficRecording.class.getName() + ".limited";
    /** Ahead of authentication, so the time includes the token's check. */
    private static final int FIRST = Integer.MIN_VALUE;

    private final PartnerTraffic traffic;
    private final boolean enabled;
    private final String partnerClaim;

    public TrafficRecording(PartnerTraffic traffic, GatewayConfig config) {
        this.traffic = traffic;
        this.enabled = config.reliability().enabled();
        this.partnerClaim = config.partnerClaim();
    }

    /** Names the route template a request matched, e.g. {@code GET /api/v1/orders/{id}}. */
    public static void route(RoutingContext context, String template) {
        context.put(ROUTE, template);
    }

    /** Marks a request the rate limiter refused (429). */
    public static void rateLimited(RoutingContext context) {
        context.put(LIMITED, Boolean.TRUE);
    }

    void register(@Observes Router router) {
        if (enabled) {
            router.route("/api/v1/*").order(FIRST).handler(this::observe);
        }
    }

    private void observe(RoutingContext context) {
        long start = System.nanoTime();
        context.addEndHandler(ended -> ended(context, start, ended.succeeded()));
        context.next();
    }

    private void ended(RoutingContext context, long start, boolean answered) {
        long nanos = System.nanoTime() - start;
        String partner = partner(context);
        if (partner == null) {
            return;
        }
        String route = context.get(ROUTE);
        if (route == null) {
            route = context.request().method().name() + " (no route)";
        }
        traffic.record(partner, route, statusClass(context, answered), nanos, System.currentTimeMillis());
    }

    private static String statusClass(RoutingContext context, boolean answered) {
        if (!answered) {
            return "closed";
        }
        if (context.get(LIMITED) != null) {
            return "limited";
        }
        int status = context.response().getStatusCode();
        return status < 300 ? "2xx" : status < 400 ? "3xx" : status < 500 ? "4xx" : "5xx";
    }

    private String partner(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()
                || !(user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object partner = TokenClaims.of(token).getClaim(partnerClaim);
        if (partner == null) {
            return null;
        }
        String id = partner.toString().replace("\"", "");
        return id.length() <= 64 ? id : id.substring(0, 64);
    }
}
