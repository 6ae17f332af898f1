package io.portage.gateway.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Calls order-service with a timeout and a circuit breaker. Only reads are retried: a submission is retried by the
 * partner (order intake is idempotent by channel and external id), never twice by the gateway behind its back.
 * Answers of order-service, errors included, come back as they are; only an unreachable service fails.
 */
@ApplicationScoped
public class OrderServiceClient {

    private final OrderServiceRestClient orders;

    public OrderServiceClient(@RestClient OrderServiceRestClient orders) {
        this.orders = orders;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> receive(String body, String authorization, String correlationId) {
        return orders.receive(body, authorization, correlationId).invoke(OrderServiceClient::failOnServerError);
    }

    /** A change before release; like a submission, never repeated behind the partner's back. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> change(String id, String body, String ifMatch, String authorization, String correlationId) {
        return orders.change(id, body, ifMatch, authorization, correlationId).invoke(OrderServiceClient::failOnServerError);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> cancel(String id, String body, String authorization, String correlationId) {
        return orders.cancel(id, body, authorization, correlationId).invoke(OrderServiceClient::failOnServerError);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> get(String id, String authorization, String correlationId) {
        return orders.get(id, authorization, correlationId).invoke(OrderServiceClient::failOnServerError);
    }

    /** 5xx counts as a failure for the breaker (and a retry, on reads); 4xx is the caller's answer. */
    private static void failOnServerError(Response response) {
        if (response.getStatus() >= 500) {
            throw new DownstreamUnavailableException("order-service answered " + response.getStatus());
        }
    }
}
