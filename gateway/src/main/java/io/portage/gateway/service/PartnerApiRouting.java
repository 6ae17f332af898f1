package io.portage.gateway.service;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.gateway.client.DownstreamUnavailableException;
import io.portage.gateway.client.PartnerApiRestClient;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * Routes partners' shipment and appointment calls to shipment-service and yard-service with the caller's own access
 * token. Each service has its own circuit breaker and timeout ({@link ServiceGuards}); reads are retried twice, writes
 * never behind the partner's back (booking is idempotent, so the partner may repeat it). Tenant isolation holds twice:
 * the service answers only the token's partner, and the gateway answers 404 for a record that names another partner.
 */
@ApplicationScoped
public class PartnerApiRouting {

    /** The services whose partner APIs the gateway routes, by the {@code quarkus.rest-client.<name>.url} they need. */
    public static final String SHIPMENTS = "shipment-service";
    public static final String YARD = "yard-service";

    private final Map<String, PartnerApiRestClient> clients = new LinkedHashMap<>();
    private final ServiceGuards guards;
    private final AccessTokenRelay relay;
    private final ObjectMapper json;

    public PartnerApiRouting(ServiceGuards guards, AccessTokenRelay relay, ObjectMapper json) {
        this.guards = guards;
        this.relay = relay;
        this.json = json;
        for (String service : new String[]{SHIPMENTS, YARD}) {
            Optional<String> url = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.rest-client." + service + ".url", String.class);
            if (url.isEmpty()) {
                Log.warnf("No quarkus.rest-client.%s.url: its partner API is not reachable through the gateway", service);
                continue;
            }
            clients.put(service, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(url.get()))
                    .connectTimeout(2, TimeUnit.SECONDS)
                    .readTimeout(10, TimeUnit.SECONDS)
                    .disableDefaultMapper(true)
                    .build(PartnerApiRestClient.class));
        }
    }

    @WithSpan("PartnerApiRouting.list")
    public Uni<Response> list(String service, String resource, Map<String, String> query, String correlationId) {
        PartnerApiRestClient client = client(service);
        String authorization = relay.authorization();
        return read(service, () -> client.list(resource, query, authorization, correlationId));
    }

    /** One record; another partner's answers 404 (its existence is not revealed), even if the service let it through. */
    @WithSpan("PartnerApiRouting.get")
    public Uni<Response> get(String service, String resource, String what, String id, Caller caller,
            String correlationId) {
        PartnerApiRestClient client = client(service);
        String authorization = relay.authorization();
        return read(service, () -> client.get(resource, id, authorization, correlationId)).map(relayed -> {
            if (relayed.getStatus() == 200 && !caller.partnerId().equals(partnerOf(service, relayed))) {
                throw ProblemException.notFound(what, id);
            }
            return relayed;
        });
    }

    @WithSpan("PartnerApiRouting.create")
    public Uni<Response> create(String service, String resource, String body, String correlationId) {
        PartnerApiRestClient client = client(service);
        String authorization = relay.authorization();
        return guards.call(service, () -> client.create(resource, body, authorization, correlationId))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> unavailable(service, failure));
    }

    private Uni<Response> read(String service, Supplier<Uni<Response>> call) {
        return guards.call(service, call)
                .onFailure(DownstreamUnavailableException.class)
                .retry()
                .withBackOff(Duration.ofMillis(200))
                .atMost(2)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> unavailable(service, failure));
    }

    private String partnerOf(String service, Response response) {
        try {
            return json.readTree((String) response.getEntity()).path("partnerId").asText(null);
        } catch (JsonProcessingException e) {
            throw new DownstreamUnavailableException(service + " answered unreadable JSON");
        }
    }

    private PartnerApiRestClient client(String service) {
        PartnerApiRestClient client = clients.get(service);
        if (client == null) {
            throw new ProblemException(503, "service-unavailable", "Service unavailable",
                    service + " is not configured behind this gateway");
        }
        return client;
    }

    private static Throwable unavailable(String service, Throwable failure) {
        Log.warnf("%s unavailable: %s", service, failure.toString());
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                service + " could not be reached or did not answer in time; try again (bookings are idempotent)");
    }
}
