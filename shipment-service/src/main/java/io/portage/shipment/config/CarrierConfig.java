package io.portage.shipment.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** The carriers shipment-service rates, labels and tracks with: {@code portage.carriers.<name>.*}, one entry each. */
@ConfigMapping(prefix = "portage.carriers")
public interface CarrierConfig {

    @WithParentName
    Map<String, Carrier> carriers();

    /** One carrier: which adapter speaks its API, where it is, its credentials, its rules and its guards. */
    interface Carrier {

        Style style();

        /** The API's base URL. */
        String url();

        /** The API key (the parcel API's basic-auth user; the freight carrier's account header). */
        Optional<String> apiKey();

        /** The secret its webhooks are signed with (parcel API only). */
        Optional<String> webhookSecret();

        /** The heaviest parcel it takes. */
        @WithDefault("31.5")
        BigDecimal maxParcelKg();

        /** The least total weight it takes a shipment for (freight carriers want pallets, not envelopes). */
        @WithDefault("0")
        BigDecimal minTotalKg();

        /** How long one call may take, retries not counted. */
        @WithDefault("5s")
        Duration timeout();

        /** Retries of a read (rates, tracking) after a timeout, 5xx, refused connection or 429; writes retry 429 and refused connections only. */
        @WithDefault("2")
        int retries();

        /** The first retry's pause; it doubles, with jitter. */
        @WithDefault("200ms")
        Duration retryDelay();

        /** The longest Retry-After honoured; a carrier asking for longer fails the call as throttled. */
        @WithDefault("10s")
        Duration maxRetryAfter();

        /** Calls per second this instance sends at most (the carrier's own rate limit). */
        @WithDefault("20")
        int callsPerSecond();

        Breaker breaker();

        /** How long a dispatched shipment may go without a scan of this carrier before it is flagged. */
        @WithDefault("48h")
        Duration staleAfter();

        /** The carrier's {@code delivery.carrier} id in Odoo, written on the delivery with the tracking reference. */
        Optional<Long> odooCarrierId();
    }

    /** The circuit breaker of one carrier. */
    interface Breaker {

        @WithDefault("10")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("30s")
        Duration delay();
    }

    /** The adapters: a parcel API in the EasyPost style, or a legacy freight carrier without webhooks. */
    enum Style {
        PARCEL_API, FREIGHT
    }
}
