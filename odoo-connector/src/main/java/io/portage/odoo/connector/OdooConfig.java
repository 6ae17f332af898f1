package io.portage.odoo.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code portage.odoo.*} settings of one Odoo instance: where it is, how to log in and how hard to push it. */
@ConfigMapping(prefix = "portage.odoo")
public interface OdooConfig {

    /** Base URL of the Odoo server, e.g. {@code https://odoo.example.com}. */
    @WithDefault("http://localhost:8069")
    String url();

    /** Database name (sent as {@code db} for JSON-RPC/XML-RPC and as {@code X-Odoo-Database} for JSON-2). */
    String database();

    /** Login of the integration user; required for JSON-RPC and XML-RPC. */
    Optional<String> login();

    /** Password of the integration user; the API key is preferred when both are given. */
    Optional<String> password();

    /** API key, used as the password for JSON-RPC/XML-RPC and as the bearer token for JSON-2. */
    Optional<String> apiKey();

    /** File holding the API key (trimmed); re-read when it changes and after an authentication failure. */
    Optional<Path> apiKeyFile();

    /** Which external API to speak; {@code auto} asks {@code /web/webclient/version_info}. */
    @WithDefault("auto")
    Protocol protocol();

    /** Time allowed for one HTTP call to Odoo before it counts as unavailable. */
    @WithDefault("30s")
    Duration timeout();

    /** Sent as {@code User-Agent}. */
    @WithDefault("portage-odoo-connector")
    String userAgent();

    /** Records per page of a paged {@code search_read}. */
    @WithDefault("200")
    int pageSize();

    Retry retry();

    CircuitBreaker circuitBreaker();

    Bulkhead bulkhead();

    Batch batch();

    /** The external API of Odoo the connector speaks. */
    enum Protocol {
        AUTO, JSON_RPC, XML_RPC, JSON_2
    }

    /** Retries of unavailable and concurrency failures, with exponential backoff and jitter. */
    interface Retry {

        @WithDefault("3")
        int maxRetries();

        @WithDefault("200ms")
        Duration delay();

        @WithDefault("5s")
        Duration maxDelay();

        @WithDefault("100ms")
        Duration jitter();

        /** Upper bound of all attempts of one operation together. */
        @WithDefault("60s")
        Duration maxDuration();
    }

    /** The circuit breaker that stops calling an Odoo that keeps failing. */
    interface CircuitBreaker {

        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("10s")
        Duration delay();

        @WithDefault("1")
        int successThreshold();
    }

    /** The limit of calls in flight to Odoo at once, and of calls waiting for a slot. */
    interface Bulkhead {

        @WithDefault("4")
        int limit();

        @WithDefault("64")
        int queueSize();
    }

    /** Batching of the typed operations' writes: callers within {@code max-delay} share one call per step. */
    interface Batch {

        /** Whether {@code createAndConfirmOrder} and {@code updatePicking} are batched. */
        @WithDefault("true")
        boolean enabled();

        /** Callers served by one batch at most; a full batch is sent at once. */
        @WithDefault("100")
        int maxSize();

        /** How long the first caller of a batch waits for others before the batch is sent. */
        @WithDefault("50ms")
        Duration maxDelay();
    }
}
