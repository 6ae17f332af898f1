package io.portage.kit.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outbox relay settings ({@code portage.outbox.*}). */
@ConfigMapping(prefix = "portage.outbox")
public interface OutboxConfig {

    /** Whether this instance relays its outbox to Kafka (one relay holds the lock at a time). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events read and published per transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * The JDBC batch size the staging transaction's session gets at least, so its events (and its other entity
     * writes) reach PostgreSQL in batches of this many at the flush instead of one round trip each.
     */
    @WithDefault("500")
    int stageBatchSize();

    /** Pause between polls when the outbox is empty. */
    @WithDefault("50ms")
    Duration pollInterval();

    /** First pause after a failed publication; doubled (with jitter) per failure up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();
}
