package io.portage.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** order-service settings ({@code portage.orders.*}). */
@ConfigMapping(prefix = "portage.orders")
public interface OrderConfig {

    /** Warehouse that fulfils an order whose channel names none. */
    @WithDefault("WH1")
    String defaultWarehouse();
}
