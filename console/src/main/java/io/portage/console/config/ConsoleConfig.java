package io.portage.console.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's settings ({@code portage.console.*}); the gateway's URL is {@code quarkus.rest-client.gateway.url}. */
@ConfigMapping(prefix = "portage.console")
public interface ConsoleConfig {

    /** The services whose operations APIs the gateway relays (its downstreams with {@code ops=true}), in menu order. */
    @WithDefault("order-service,yard-service,shipment-service,finance-service")
    List<String> services();

    /** The most items a list asks each service for, and the most a bulk action works through. */
    @WithDefault("500")
    int maxItems();

    /** Where the pages load htmx from: its Maven webjar, served by the console itself. */
    String htmxPath();

    /** How long a finished bulk replay's progress stays readable. */
    @WithDefault("30m")
    Duration jobRetention();
}
