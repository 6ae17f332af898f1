package io.portage.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Gateway settings ({@code portage.gateway.*}). */
@ConfigMapping(prefix = "portage.gateway")
public interface GatewayConfig {

    /** The access-token claim that names the partner (tenant); set per client in Keycloak. */
    @WithDefault("partner_id")
    String partnerClaim();

    /** Verified access tokens kept for the partner's next call with the same token. */
    TokenCache tokenCache();

    interface TokenCache {

        @WithDefault("true")
        boolean enabled();

        /**
         * Longest a verified token is taken without checking its signature again (never past its expiry): also how
         * long a signing key removed from Keycloak still vouches for tokens already seen.
         */
        @WithDefault("60s")
        Duration ttl();

        /** Most tokens kept (expired ones are dropped first, then all). */
        @WithDefault("10000")
        int maxSize();
    }

    /** The edge intake ({@code /api/v1/edge/events}). */
    Edge edge();

    interface Edge {

        /** Most events in one batch. */
        @WithDefault("500")
        int maxBatch();

        /**
         * How long an edge event's id is remembered, so a resend answers {@code duplicate}; an edge resends within
         * its own retention (an hour by default).
         */
        @WithDefault("7d")
        Duration retention();
    }

    /**
     * Per-partner rate limits: a token bucket per partner and route group ({@code orders}, {@code edge}, {@code ops},
     * {@code me}, ...), refilled at {@code rate} requests a second up to {@code burst}. Overrides are keyed
     * {@code <partner>/<group>}, {@code <partner>}, or {@code * /<group>} (without the space), the most specific winning.
     */
    RateLimits rateLimits();

    interface RateLimits {

        @WithDefault("true")
        boolean enabled();

        /** Requests a second, sustained, for a partner on one route group. */
        @WithDefault("20")
        double rate();

        /** Requests at once after a quiet spell. */
        @WithDefault("40")
        int burst();

        /** Limits for a partner, a route group or both. */
        Map<String, Limit> overrides();
    }

    interface Limit {

        double rate();

        int burst();
    }

    /** Webhook deliveries to partners' subscriptions. */
    Webhooks webhooks();

    interface Webhooks {

        @WithDefault("true")
        boolean enabled();

        /** The pause before each retry of a failed delivery; after the last one the delivery is given up. */
        @WithDefault("5s,5m,30m,2h,5h,10h")
        List<Duration> retrySchedule();

        /** A subscription whose deliveries have all failed for this long is disabled. */
        @WithDefault("5d")
        Duration disableAfter();

        /** How often due deliveries are looked for. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deliveries sent at once. */
        @WithDefault("50")
        int batchSize();

        /** Per delivery: a subscriber answering later counts as failed. */
        @WithDefault("10s")
        Duration timeout();

        /** Whether endpoints may be plain http:// (local development and tests only); https:// otherwise. */
        @WithDefault("false")
        boolean allowHttp();
    }

    /**
     * Partner reliability: requests counted per partner, route, time bucket and status class with a latency histogram,
     * kept in memory and added into the database every {@code flush-interval}; webhook attempts per subscriber.
     */
    Reliability reliability();

    interface Reliability {

        /** Whether partners' requests are recorded (webhook attempts are recorded with the deliveries, always). */
        @WithDefault("true")
        boolean enabled();

        /** The width of a time bucket (a divisor of a day, at least a minute): the finest step of the series. */
        @WithDefault("5m")
        Duration bucket();

        /** How often what was counted in memory is added into the database (also at shutdown). */
        @WithDefault("15s")
        Duration flushInterval();

        /** Buckets older than this are deleted (hourly). */
        @WithDefault("30d")
        Duration retention();

        /** The longest period one report may cover. */
        @WithDefault("31d")
        Duration maxPeriod();

        /**
         * Most counters kept in memory while the database cannot take them; beyond, the newest requests are not
         * counted (metric {@code portage.gateway.reliability.dropped}, and logged).
         */
        @WithDefault("100000")
        int maxPending();
    }

    /** Partner onboarding through the operations API: the Keycloak client it creates partners' clients with. */
    Onboarding onboarding();

    interface Onboarding {

        /**
         * Keycloak's admin API for the realm, e.g. {@code http://keycloak/admin/realms/portage}; empty: derived from
         * {@code quarkus.oidc.auth-server-url} ({@code .../realms/portage} -> {@code .../admin/realms/portage}).
         */
        Optional<String> adminUrl();

        /** The confidential client (service account with realm-management manage-clients) the gateway acts as. */
        @WithDefault("portage-onboarding")
        String clientId();

        /** Its secret; without one, onboarding answers 503. */
        Optional<String> clientSecret();

        /** Scopes a partner may be given. */
        @WithDefault("orders:write,orders:read,shipments:read,shipments:write,tracking:write,appointments:write,appointments:read,invoices:write,inventory:write,events:write,webhooks:manage")
        List<String> grantableScopes();
    }

    /**
     * Deprecated API versions or routes, keyed by path prefix (e.g. {@code "/api/v1/orders"}): answered with
     * {@code Deprecation} and {@code Sunset} headers and a {@code successor-version} link until the sunset, 410 after.
     */
    Map<String, Deprecation> deprecations();

    interface Deprecation {

        /** When it was deprecated (ISO date-time). */
        java.time.Instant since();

        /** When it stops answering (ISO date-time). */
        java.time.Instant sunset();

        /** Where to go instead, e.g. {@code /api/v2/orders}. */
        Optional<String> successor();
    }
}
