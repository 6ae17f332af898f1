package io.portage.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** edge-agent settings ({@code portage.edge.*}), from application.properties, the environment or a config file. */
@ConfigMapping(prefix = "portage.edge")
public interface EdgeConfig {

    /** The SQLite file that holds events until they are forwarded; its folder is created if missing. */
    @WithDefault("data/edge-events.db")
    String storePath();

    /** Largest accepted payload of one event, in bytes of JSON. */
    @WithDefault("65536")
    int maxPayloadBytes();
}
