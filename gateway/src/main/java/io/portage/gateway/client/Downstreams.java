package io.portage.gateway.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.gateway.config.DownstreamConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;

/**
 * The services behind the gateway as configured ({@link DownstreamConfig}): found by the route group they serve or, for
 * operators, by name. Each is built once, so a service has one client and one circuit breaker whichever route reaches it.
 */
@ApplicationScoped
public class Downstreams {

    private final Map<String, Downstream> byRoutes = new LinkedHashMap<>();
    private final Map<String, Downstream> ops = new LinkedHashMap<>();

    public Downstreams(DownstreamConfig config, Vertx vertx) {
        config.downstreams().forEach((name, settings) -> {
            if (!settings.enabled()) {
                Log.infof("Downstream %s is off: its routes answer 503", name);
                return;
            }
            Downstream downstream = new Downstream(name, settings, vertx);
            for (String group : settings.routes().orElse(List.of())) {
                Downstream other = byRoutes.putIfAbsent(group, downstream);
                if (other != null) {
                    throw new IllegalStateException("Route group " + group + " is served by both " + other.name()
                            + " and " + name + " (portage.gateway.downstreams.*.routes)");
                }
            }
            if (settings.ops()) {
                ops.put(name, downstream);
            }
        });
    }

    /** The service serving a partner route group ({@code orders}, {@code shipments}, ...), if one is configured. */
    public Optional<Downstream> serving(String group) {
        return Optional.ofNullable(byRoutes.get(group));
    }

    /** The service whose operations API operators reach under {@code name}, if it is exposed. */
    public Optional<Downstream> ops(String name) {
        return Optional.ofNullable(ops.get(name));
    }

    /** The names of the services whose operations APIs are exposed. */
    public List<String> opsNames() {
        return List.copyOf(ops.keySet());
    }
}
