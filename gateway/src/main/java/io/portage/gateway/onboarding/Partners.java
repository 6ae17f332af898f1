package io.portage.gateway.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.limits.RateLimiter;
import io.portage.gateway.webhook.Subscriptions;
import io.portage.kit.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Onboards a partner in one call: its Keycloak client (client credentials, the scopes asked for, the partner claim),
 * its rate limit and, if asked, its first webhook subscription; answers the client's secret (and the subscription's
 * signing secret) once. The partner row is written first, so a partner id is taken by one onboarding only; if Keycloak
 * refuses, the row goes again, and if the partner's settings cannot be stored after Keycloak made the client, the
 * client is deleted, so no half-onboarded partner stays behind.
 */
@ApplicationScoped
public class Partners implements RateLimiter.PartnerLimits {

    private static final Pattern PARTNER = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final KeycloakAdmin keycloak;
    private final Subscriptions subscriptions;
    private final GatewayConfig.Onboarding config;
    private final Map<String, GatewayConfig.Limit> limits = new ConcurrentHashMap<>();

    public Partners(KeycloakAdmin keycloak, Subscriptions subscriptions, GatewayConfig config) {
        this.keycloak = keycloak;
        this.subscriptions = subscriptions;
        this.config = config.onboarding();
    }

    /** What the operator asks for. */
    public record Onboarding(String partnerId, String name, List<String> scopes, Limit rateLimit, Webhook webhook) {
    }

    public record Limit(Double rate, Integer burst) {
    }

    public record Webhook(String url, List<String> eventTypes) {
    }

    /** The answer: the client's credentials (the secret only here), the limit, the subscription with its secret. */
    public record Onboarded(String partnerId, String clientId, String clientSecret, List<String> scopes, Limit rateLimit,
            Subscriptions.Subscription webhook) {
    }

    public Uni<Onboarded> onboard(Onboarding request, String operator) {
        if (!keycloak.configured()) {
            throw new ProblemException(503, "onboarding-not-configured", "Onboarding not configured",
                    "The gateway has no secret for its onboarding client (portage.gateway.onboarding.client-secret)");
        }
        if (request == null || request.partnerId() == null || !PARTNER.matcher(request.partnerId()).matches()) {
            throw ProblemException.invalid("partnerId", "must be 2-63 lower-case letters, digits or dashes");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            throw ProblemException.invalid("scopes", "must name at least one scope");
        }
        for (int i = 0; i < request.scopes().size(); i++) {
            if (!config.grantableScopes().contains(request.scopes().get(i))) {
                throw ProblemException.invalid("scopes[" + i + "]", "must be one of " + config.grantableScopes());
            }
        }
        Limit limit = request.rateLimit();
        if (limit != null && (limit.rate() == null || limit.rate() <= 0 || limit.rate() > 10_000 || limit.burst() == null
                || limit.burst() < 1 || limit.burst() > 100_000)) {
            throw ProblemException.invalid("rateLimit", "needs rate (0-10000 a second) and burst (1-100000)");
        }
        String partner = request.partnerId();
        String clientId = partner + "-api";
        List<String> scopes = request.scopes().stream().distinct().toList();
        String name = request.name() == null || request.name().isBlank() ? partner : request.name().strip();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}partner (partner_id, client_id, scopes, rate, burst, created_at, created_by)
                        values (:partner, :client, :scopes, :rate, :burst, :now, :operator)
                        on conflict do nothing""")
                        .setParameter("partner", partner)
                        .setParameter("client", clientId)
                        .setParameter("scopes", String.join(" ", scopes))
                        .setParameter("rate", limit == null ? null : limit.rate())
                        .setParameter("burst", limit == null ? null : limit.burst())
                        .setParameter("now", Instant.now())
                        .setParameter("operator", operator)
                        .executeUpdate()))
                .chain(inserted -> {
                    if (inserted == 0) {
                        return Uni.createFrom()
                                .failure(new ProblemException(409, "partner-exists", "Partner exists",
                                        "Partner " + partner + " is onboarded already"));
                    }
                    return keycloak.createClient(clientId, partner, name, scopes)
                            .onFailure()
                            .call(() -> forget(partner))
                            .chain(id -> keycloak.secret(id)
                                    .chain(secret -> webhook(partner, request.webhook())
                                            .map(webhook -> new Onboarded(partner, clientId, secret, scopes, limit, webhook)))
                                    .onFailure()
                                    .call(() -> keycloak.deleteClient(id)
                                            .onFailure()
                                            .recoverWithNull()
                                            .chain(() -> forget(partner))));
                })
                .invoke(done -> {
                    if (limit != null) {
                        limits.put(partner, limitOf(limit));
                    }
                    Log.infof("Partner %s onboarded by %s: client %s, scopes %s", partner, operator, clientId, scopes);
                });
    }

    private Uni<Subscriptions.Subscription> webhook(String partner, Webhook webhook) {
        return webhook == null
                ? Uni.createFrom().nullItem()
                : subscriptions.create(partner, webhook.url(), webhook.eventTypes());
    }

    private Uni<Void> forget(String partner) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("delete from {h-schema}partner where partner_id = :partner")
                        .setParameter("partner", partner)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    @Override
    public GatewayConfig.Limit limitOf(String partner) {
        return limits.get(partner);
    }

    /** The onboarded partners' limits, for this instance's rate limiter (other replicas' onboardings included). */
    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select partner_id, rate, burst from {h-schema}partner where rate is not null", Object[].class)
                        .getResultList()))
                .invoke(rows -> {
                    Map<String, GatewayConfig.Limit> loaded = new java.util.HashMap<>();
                    for (Object[] row : rows) {
                        loaded.put((String) row[0], limitOf(new Limit(((Number) row[1]).doubleValue(),
                                ((Number) row[2]).intValue())));
                    }
                    limits.keySet().retainAll(loaded.keySet());
                    limits.putAll(loaded);
                })
                .replaceWithVoid();
    }

    private static GatewayConfig.Limit limitOf(Limit limit) {
        return new GatewayConfig.Limit() {

            @Override
            public double rate() {
                return limit.rate();
            }

            @Override
            public int burst() {
                return limit.burst();
            }
        };
    }
}
