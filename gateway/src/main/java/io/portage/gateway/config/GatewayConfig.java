package io.portage.gateway.config;

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
}
