package io.portage.gateway.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Gateway settings ({@code portage.gateway.*}). */
@ConfigMapping(prefix = "portage.gateway")
public interface GatewayConfig {

    /** The access-token claim that names the partner (tenant); set per client in Keycloak. */
    @WithDefault("partner_id")
    String partnerClaim();

    /**
     * The services whose operations API ({@code /ops}) operators reach at {@code /api/v1/ops/<service>/...}; each
     * needs {@code quarkus.rest-client.<service>.url}.
     */
    @WithDefault("order-service,yard-service,shipment-service")
    List<String> opsServices();

    /** The edge intake ({@code /api/v1/edge/events}). */
    Edge edge();

    interface Edge {

        /** Most events in one batch. */
        @WithDefault("500")
        int maxBatch();

        /**
         * How long an edge event's id is remembered, so a resend answers {@code duplicate}; an edge resends within
         * its own retention (an hour by default).
         */
        @WithDefault("7d")
        Duration retention();
    }
}
