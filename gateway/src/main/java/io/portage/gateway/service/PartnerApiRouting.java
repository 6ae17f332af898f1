package io.portage.gateway.service;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
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
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * Routes partners' shipment and appointment calls to shipment-service and yard-service with the caller's own access
 * token. Each service has its own circuit breaker and timeout; reads are retried twice, writes never behind the
 * partner's back (booking is idempotent, so the partner may repeat it). Tenant isolation holds twice: the service
 * answers only the token's partner, and the gateway answers 404 for a record that names another partner.
 */
@ApplicationScoped
public class PartnerApiRouting {

    /** The services whose partner APIs the gateway routes, by the {@code quarkus.rest-client.<name>.url} they need. */
    public static final String SHIPMENTS = "shipment-service";
    public static final String YARD = "yard-service";

    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
    private final AccessTokenRelay relay;
    private final ObjectMapper json;

    private record Upstream(PartnerApiRestClient client, TypedGuard<Uni<Response>> guard) {
    }

    public PartnerApiRouting(AccessTokenRelay relay, ObjectMapper json) {
        this.relay = relay;
        this.json = json;
        for (String service : new String[]{SHIPMENTS, YARD}) {
            Optional<String> url = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.rest-client." + service + ".url", String.class);
            if (url.isEmpty()) {
                Log.warnf("No quarkus.rest-client.%s.url: its partner API is not reachable through the gateway", service);
                continue;
            }
            PartnerApiRestClient client = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(url.get()))
                    .connectTimeout(2, TimeUnit.SECONDS)
                    .readTimeout(10, TimeUnit.SECONDS)
                    .disableDefaultMapper(true)
                    .build(PartnerApiRestClient.class);
            TypedGuard<Uni<Response>> guard = TypedGuard.create(new TypeLiteral<Uni<Response>>() {
            })
                    .withTimeout()
                    .duration(10, ChronoUnit.SECONDS)
                    .done()
                    .withCircuitBreaker()
                    .requestVolumeThreshold(10)
                    .failureRatio(0.5)
                    .delay(10, ChronoUnit.SECONDS)
                    .done()
                    .build();
            upstreams.put(service, new Upstream(client, guard));
        }
    }

    @WithSpan("PartnerApiRouting.list")
    public Uni<Response> list(String service, String resource, Map<String, String> query, String correlationId) {
        Upstream upstream = upstream(service);
        String authorization = relay.authorization();
        return read(service, upstream, () -> upstream.client().list(resource, query, authorization, correlationId));
    }

    /** One record; another partner's answers 404 (its existence is not revealed), even if the service let it through. */
    @WithSpan("PartnerApiRouting.get")
    public Uni<Response> get(String service, String resource, String what, String id, Caller caller,
            String correlationId) {
        Upstream upstream = upstream(service);
        String authorization = relay.authorization();
        return read(service, upstream, () -> upstream.client().get(resource, id, authorization, correlationId))
                .map(relayed -> {
                    if (relayed.getStatus() == 200 && !caller.partnerId().equals(partnerOf(service, relayed))) {
                        throw ProblemException.notFound(what, id);
                    }
                    return relayed;
                });
    }

    @WithSpan("PartnerApiRouting.create")
    public Uni<Response> create(String service, String resource, String body, String correlationId) {
        Upstream upstream = upstream(service);
        String authorization = relay.authorization();
        return guarded(service, upstream, () -> upstream.client().create(resource, body, authorization, correlationId))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> unavailable(service, failure));
    }

    private Uni<Response> read(String service, Upstream upstream, Supplier<Uni<Response>> call) {
        return guarded(service, upstream, call)
                .onFailure(DownstreamUnavailableException.class)
                .retry()
                .withBackOff(Duration.ofMillis(200))
                .atMost(2)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> unavailable(service, failure));
    }

    /** 5xx counts as a failure for the breaker (and a retry, on reads); 4xx is the caller's answer. */
    private static Uni<Response> guarded(String service, Upstream upstream, Supplier<Uni<Response>> call) {
        try {
            return upstream.guard().call(() -> call.get().map(response -> {
                if (response.getStatus() >= 500) {
                    throw new DownstreamUnavailableException(service + " answered " + response.getStatus());
                }
                return Relayed.of(response);
            }));
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    private String partnerOf(String service, Response response) {
        try {
            return json.readTree((String) response.getEntity()).path("partnerId").asText(null);
        } catch (JsonProcessingException e) {
            throw new DownstreamUnavailableException(service + " answered unreadable JSON");
        }
    }

    private Upstream upstream(String service) {
        Upstream upstream = upstreams.get(service);
        if (upstream == null) {
            throw new ProblemException(503, "service-unavailable", "Service unavailable",
                    service + " is not configured behind this gateway");
        }
        return upstream;
    }

    private static Throwable unavailable(String service, Throwable failure) {
        Log.warnf("%s unavailable: %s", service, failure.toString());
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                service + " could not be reached or did not answer in time; try again (bookings are idempotent)");
    }
}
