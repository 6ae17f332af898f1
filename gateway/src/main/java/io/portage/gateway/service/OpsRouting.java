package io.portage.gateway.service;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.gateway.client.OpsRestClient;
import io.portage.gateway.config.GatewayConfig;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * Relays operators' calls to the services' operations APIs: dead letters, parked events, exceptions and the audit
 * trail. Only the resources and actions the services offer are relayed, with the operator's own access token, which
 * the service verifies again and names in its audit trail. Reads are answered as the service answers; an unreachable service is a 503.
 */
@ApplicationScoped
public class OpsRouting {

    private static final Set<String> RESOURCES = Set.of("dead-letters", "parked-events", "exceptions", "audit");
    private static final Set<String> ACTIONS = Set.of("replay", "discard", "retry", "resolve");
    private static final String ID = "[0-9a-fA-F-]{36}";

    private final Map<String, OpsRestClient> services = new LinkedHashMap<>();
    private final AccessTokenRelay relay;
    private final ServiceGuards guards;

    public OpsRouting(GatewayConfig config, AccessTokenRelay relay, ServiceGuards guards) {
        this.relay = relay;
        this.guards = guards;
        for (String service : config.opsServices()) {
            Optional<String> url = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.rest-client." + service + ".url", String.class);
            if (url.isEmpty()) {
                Log.warnf("No quarkus.rest-client.%s.url: its operations API is not reachable through the gateway",
                        service);
                continue;
            }
            services.put(service, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(url.get()))
                    .connectTimeout(2, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS)
                    .disableDefaultMapper(true)
                    .build(OpsRestClient.class));
        }
    }

    @WithSpan("OpsRouting.list")
    public Uni<Response> list(String service, String resource, Map<String, String> query, String correlationId) {
        OpsRestClient client = client(service);
        return relay(service, client.list(resource(resource), query, relay.authorization(), correlationId));
    }

    @WithSpan("OpsRouting.get")
    public Uni<Response> get(String service, String resource, String id, String correlationId) {
        OpsRestClient client = client(service);
        return relay(service, client.get(resource(resource), id(id), relay.authorization(), correlationId));
    }

    /** {@code POST /ops/<resource>/<action>} (a bulk action such as replaying every matching dead letter). */
    @WithSpan("OpsRouting.act")
    public Uni<Response> act(String service, String resource, String action, String body, String correlationId) {
        OpsRestClient client = client(service);
        return relay(service, client.act(resource(resource), action(action), body(body), relay.authorization(), correlationId));
    }

    /** {@code POST /ops/<resource>/<id>/<action>}. */
    @WithSpan("OpsRouting.actOn")
    public Uni<Response> actOn(String service, String resource, String id, String action, String body,
            String correlationId) {
        OpsRestClient client = client(service);
        return relay(service,
                client.actOn(resource(resource), id(id), action(action), body(body), relay.authorization(), correlationId));
    }

    private OpsRestClient client(String service) {
        OpsRestClient client = services.get(service);
        if (client == null) {
            throw new ProblemException(404, "unknown-service", "Unknown service",
                    "No operations API named " + service + "; known: " + services.keySet());
        }
        return client;
    }

    private static String resource(String resource) {
        if (!RESOURCES.contains(resource)) {
            throw ProblemException.invalid("resource", "must be one of " + RESOURCES);
        }
        return resource;
    }

    private static String action(String action) {
        if (!ACTIONS.contains(action)) {
            throw ProblemException.invalid("action", "must be one of " + ACTIONS);
        }
        return action;
    }

    private static String id(String id) {
        if (id == null || !id.matches(ID)) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
        return id;
    }

    private static String body(String body) {
        return body == null || body.isBlank() ? "{}" : body;
    }

    /** Through the service's breaker ({@link ServiceGuards}): a 5xx, a timeout or an open circuit answer 503. */
    private Uni<Response> relay(String service, Uni<Response> call) {
        return guards.call(service, () -> call)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    Log.warnf("%s operations API unavailable: %s", service, failure.toString());
                    return new ProblemException(503, "service-unavailable", "Service unavailable",
                            service + " could not be reached, did not answer in time or failed");
                });
    }
}
