package io.portage.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Gateway settings ({@code portage.gateway.*}). */
@ConfigMapping(prefix = "portage.gateway")
public interface GatewayConfig {

    /** The access-token claim that names the partner (tenant); set per client in Keycloak. */
    @WithDefault("partner_id")
    String partnerClaim();
}
