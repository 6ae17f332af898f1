package io.portage.shipment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How shipments' writes into Odoo are handed over: {@code portage.shipments.odoo.*}. */
@ConfigMapping(prefix = "portage.shipments.odoo")
public interface OdooHandOverConfig {

    /** Hand writes to Odoo at all (off: they wait in the queue). */
    @WithDefault("true")
    boolean enabled();

    /** How often the queue is looked at. */
    @WithDefault("1s")
    Duration interval();

    /** How long a worker holds an item it claimed; when it dies, the item is due again after this. */
    @WithDefault("1m")
    Duration claim();

    /** Items claimed at once. */
    @WithDefault("50")
    int batchSize();

    /** The first pause after Odoo was away; doubled per attempt up to {@code max-backoff}, with jitter. */
    @WithDefault("2s")
    Duration backoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** Attempts before an item fails to an exception item (owner ops) for a person. */
    @WithDefault("10")
    int maxAttempts();
}
