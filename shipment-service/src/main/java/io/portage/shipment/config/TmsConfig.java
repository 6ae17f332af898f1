package io.portage.shipment.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The transport management system shipments are tendered to for load planning, and yard-service, which books the
 * outbound dock appointment its plans ask for: {@code portage.tms.*}.
 */
@ConfigMapping(prefix = "portage.tms")
public interface TmsConfig {

    /** Tender planned shipments to the TMS at all (off: nothing is tendered and callbacks are refused). */
    @WithDefault("false")
    boolean enabled();

    /** The TMS API's base URL. */
    Optional<String> url();

    /** The API key, sent as bearer token. */
    Optional<String> apiKey();

    /** Where the TMS calls plans back (this service's {@code /webhooks/tms} as the TMS reaches it). */
    Optional<String> callbackUrl();

    /** The secret the TMS signs its callbacks with. */
    Optional<String> webhookSecret();

    /** How long one call may take, retries not counted. */
    @WithDefault("5s")
    Duration timeout();

    /** Retries of a call after a refused connection (a tender is a write: not after a timeout or 5xx). */
    @WithDefault("2")
    int retries();

    @WithDefault("200ms")
    Duration retryDelay();

    Breaker breaker();

    /** How often due tenders and appointments are worked. */
    @WithDefault("5s")
    Duration interval();

    /** Loads worked per pass. */
    @WithDefault("50")
    int batchSize();

    /** The first pause after the TMS or yard-service was away; doubled per attempt up to {@code max-backoff}. */
    @WithDefault("5s")
    Duration backoff();

    @WithDefault("5m")
    Duration maxBackoff();

    Yard yard();

    /** The circuit breaker of the TMS. */
    interface Breaker {

        @WithDefault("10")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("30s")
        Duration delay();
    }

    /** yard-service's appointments API, called with a client-credentials token ({@code quarkus.oidc-client.*}). */
    interface Yard {

        Optional<String> url();

        /** The dock outbound loads are booked at. */
        @WithDefault("OUT")
        String dock();

        @WithDefault("5s")
        Duration timeout();
    }
}
