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

    /**
     * How long a worker holds an item it claimed; when it dies, the item is due again after this. It must outlast the
     * slowest hand-over a live worker can take, or another replica claims the item while the first still waits on Odoo
     * and both write: one item is several Odoo calls, each up to {@code portage.odoo.timeout} (30 s) times its
     * retries (3) plus their pauses, so minutes, not the one minute this used to be.
     */
    @WithDefault("10m")
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
