package io.portage.shipment.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How tracking is polled, and where its documents are served: {@code portage.tracking.*}. */
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

    /**
     * The address partners reach the API at (the gateway's public URL, e.g. {@code https://api.portage.example}): a
     * proof-of-delivery event names its image under it ({@code documentUri}, an absolute URI by the contract). Unset:
     * the event names none; the tracking view still lists the images by path.
     */
    Optional<URI> documentsBaseUrl();
}
