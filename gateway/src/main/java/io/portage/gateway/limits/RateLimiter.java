package io.portage.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.gateway.config.GatewayConfig;

/**
 * Rate limits per partner and route group, each its own {@link TokenBucket}. The buckets live in this gateway instance:
 * with N replicas behind a load balancer a partner gets up to N times the limit (the Helm chart's default is 2
 * replicas), which is what the limits are for: keeping one partner's burst from starving the others and the services.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimits config;
    private final MeterRegistry metrics;
    private final PartnerLimits partners;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config, MeterRegistry metrics, PartnerLimits partners) {
        this.config = config.rateLimits();
        this.metrics = metrics;
        this.partners = partners;
    }

    /** Limits given to partners at onboarding (stored in the gateway's database), if any. */
    public interface PartnerLimits {

        GatewayConfig.Limit limitOf(String partner);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Takes a token for {@code partner} on {@code group}. */
    public TokenBucket.Decision take(String partner, String group) {
        TokenBucket bucket = buckets.computeIfAbsent(partner + "/" + group, key -> newBucket(partner, group));
        TokenBucket.Decision decision = bucket.take(System.nanoTime());
        if (!decision.allowed()) {
            metrics.counter("portage.gateway.rate.limited", "partner", partner, "route", group).increment();
        }
        return decision;
    }

    private TokenBucket newBucket(String partner, String group) {
        // The deployment's overrides for the partner first, then the limit given at onboarding, then per group.
        Map<String, GatewayConfig.Limit> overrides = config.overrides();
        GatewayConfig.Limit onboarded = partners.limitOf(partner);
        for (GatewayConfig.Limit limit : java.util.Arrays.asList(overrides.get(partner + "/" + group),
                overrides.get(partner), onboarded, overrides.get("*/" + group))) {
            if (limit != null) {
                return new TokenBucket(limit.rate(), limit.burst(), System.nanoTime());
            }
        }
        return new TokenBucket(config.rate(), config.burst(), System.nanoTime());
    }
}
