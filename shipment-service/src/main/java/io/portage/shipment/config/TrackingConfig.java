package io.portage.shipment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How tracking is polled: {@code portage.tracking.*}. */
@ConfigMapping(prefix = "portage.tracking")
public interface TrackingConfig {

    /** How often the open trackers are polled, and how long since its last poll a tracker is due again. */
    @WithDefault("15m")
    Duration pollInterval();

    /** The first poll after start. */
    @WithDefault("1m")
    Duration pollDelay();

    /** The most trackers one poll asks. */
    @WithDefault("500")
    int pollBatch();
}
