package io.portage.kit.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Consumer-side settings ({@code portage.inbox.*}). */
@ConfigMapping(prefix = "portage.inbox")
public interface InboxConfig {

    /**
     * How long an event may wait for its predecessor before the wait becomes an exception-queue item
     * ({@code event.predecessor-missing}, owner {@code ops}).
     */
    @WithDefault("10m")
    Duration maxPark();

    /** How often parked events are checked against {@link #maxPark()}. */
    @WithDefault("30s")
    Duration parkCheckInterval();
}
