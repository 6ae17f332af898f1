package io.portage.gateway.service;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.Response;

import io.portage.gateway.client.DownstreamUnavailableException;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * One circuit breaker and timeout per service the gateway routes to, shared by its partner and operations routes: a
 * service that fails half of 10 calls is not called for 10 s (503 at once), then tried again.
 */
@ApplicationScoped
public class ServiceGuards {

    private final Map<String, TypedGuard<Uni<Response>>> guards = new ConcurrentHashMap<>();

    /**
     * Calls {@code service} through its guard and answers the relayed response. A 5xx answer counts as a failure (a
     * {@link DownstreamUnavailableException}); a 4xx is the caller's answer and passes.
     */
    public Uni<Response> call(String service, Supplier<Uni<Response>> call) {
        try {
            return guards.computeIfAbsent(service, ServiceGuards::guard).call(() -> call.get().map(response -> {
                if (response.getStatus() >= 500) {
                    throw new DownstreamUnavailableException(service + " answered " + response.getStatus());
                }
                return Relayed.of(response);
            }));
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static TypedGuard<Uni<Response>> guard(String service) {
        return TypedGuard.create(new TypeLiteral<Uni<Response>>() {
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
    }
}
