package io.portage.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.gateway.client.DownstreamUnavailableException;
import io.portage.gateway.client.OrderServiceClient;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Routes partners' order calls to order-service with the caller's own access token: the partner comes from the token,
 * here and again in order-service, and a partner only ever sees its own orders (another partner's order is answered
 * as not found, so its existence is not revealed).
 */
@ApplicationScoped
public class OrderRouting {

    private final OrderServiceClient orders;
    private final AccessTokenRelay relay;
    private final ObjectMapper json;

    public OrderRouting(OrderServiceClient orders, AccessTokenRelay relay, ObjectMapper json) {
        this.orders = orders;
        this.relay = relay;
        this.json = json;
    }

    @WithSpan("OrderRouting.submit")
    public Uni<Response> submit(Caller caller, String body, String correlationId) {
        caller.require("orders:write");
        return orders.receive(body, relay.authorization(), correlationId)
                .map(Relayed::of)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(OrderRouting::unavailable);
    }

    /** A change before release: order-service checks the partner (404 for another's order) and the If-Match. */
    @WithSpan("OrderRouting.change")
    public Uni<Response> change(Caller caller, String id, String body, String ifMatch, String correlationId) {
        caller.require("orders:write");
        return orders.change(id, body, ifMatch, relay.authorization(), correlationId)
                .map(Relayed::of)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(OrderRouting::unavailable);
    }

    @WithSpan("OrderRouting.cancel")
    public Uni<Response> cancel(Caller caller, String id, String body, String correlationId) {
        caller.require("orders:write");
        return orders.cancel(id, body, relay.authorization(), correlationId)
                .map(Relayed::of)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(OrderRouting::unavailable);
    }

    @WithSpan("OrderRouting.read")
    public Uni<Response> read(Caller caller, String id, String correlationId) {
        caller.require("orders:read");
        return orders.get(id, relay.authorization(), correlationId)
                .map(response -> {
                    Response relayed = Relayed.of(response);
                    if (relayed.getStatus() == 200 && !caller.partnerId().equals(partnerOf(relayed))) {
                        throw ProblemException.notFound("Order", id);
                    }
                    return relayed;
                })
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(OrderRouting::unavailable);
    }

    private String partnerOf(Response response) {
        try {
            JsonNode order = json.readTree((String) response.getEntity());
            return order.path("partnerId").asText(null);
        } catch (JsonProcessingException e) {
            throw new DownstreamUnavailableException("order-service answered unreadable JSON");
        }
    }

    private static Throwable unavailable(Throwable failure) {
        Log.warnf("order-service unavailable: %s", failure.toString());
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                "Orders could not be reached or did not answer in time, so the order may or may not be stored. Submitting the same order again is safe: intake is idempotent by channel and externalId.");
    }
}
