package io.portage.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The services behind the gateway ({@code portage.gateway.downstreams.<name>.*}), one entry each: where it is, how long
 * to wait, when its circuit opens, which route groups it serves and whether operators reach its operations API at
 * {@code /api/v1/ops/<name>/...}. Every route that reaches a service goes through its one client and guard.
 */
@ConfigMapping(prefix = "portage.gateway")
public interface DownstreamConfig {

    Map<String, Downstream> downstreams();

    interface Downstream {

        /** Base URL, e.g. {@code http://order-service}. */
        String url();

        /** Off: the service is not deployed here; its routes answer 503 and its operations API 404. */
        @WithDefault("true")
        boolean enabled();

        /** The partner route groups it serves ({@code orders}, {@code shipments}, {@code appointments}); one each. */
        Optional<List<String>> routes();

        /** Whether operators reach its operations API ({@code /ops}, from the event kit) through the gateway. */
        @WithDefault("false")
        boolean ops();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for one answer (the HTTP read timeout and the guard's timeout); 503 after. */
        @WithDefault("10s")
        Duration timeout();

        /** How often a failed read is tried again (after 200 ms, then backing off); writes never are. */
        @WithDefault("2")
        int readRetries();

        Breaker breaker();
    }

    /** The circuit breaker: {@code failure-ratio} of the last {@code request-volume} calls failing opens it for {@code delay}. */
    interface Breaker {

        @WithDefault("10")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("10s")
        Duration delay();
    }
}
