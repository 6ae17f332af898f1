package io.portage.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
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
 * Routes partners' order calls to order-service: the partner comes from the caller's token, and a partner only ever
 * sees its own orders (another partner's order is answered as not found, so its existence is not revealed).
 */
@ApplicationScoped
public class OrderRouting {

    private final OrderServiceClient orders;
    private final ObjectMapper json;

    public OrderRouting(OrderServiceClient orders, ObjectMapper json) {
        this.orders = orders;
        this.json = json;
    }

    @WithSpan("OrderRouting.submit")
    public Uni<Response> submit(Caller caller, String body, String correlationId) {
        caller.require("orders:write");
        return orders.receive(body, caller.partnerId(), correlationId)
                .map(OrderRouting::relay)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(OrderRouting::unavailable);
    }

    /** A change before release: order-service checks the partner (404 for another's order) and the If-Match. */
    @WithSpan("OrderRouting.change")
    public Uni<Response> change(Caller caller, String id, String body, String ifMatch, String correlationId) {
        caller.require("orders:write");
        return orders.change(id, body, ifMatch, caller.partnerId(), correlationId)
                .map(OrderRouting::relay)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(OrderRouting::unavailable);
    }

    @WithSpan("OrderRouting.cancel")
    public Uni<Response> cancel(Caller caller, String id, String body, String correlationId) {
        caller.require("orders:write");
        return orders.cancel(id, body, caller.partnerId(), correlationId)
                .map(OrderRouting::relay)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(OrderRouting::unavailable);
    }

    @WithSpan("OrderRouting.read")
    public Uni<Response> read(Caller caller, String id, String correlationId) {
        caller.require("orders:read");
        return orders.get(id, correlationId)
                .map(response -> {
                    Response relayed = relay(response);
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

    /** Status, body, content type and location of the service's answer, as they are. */
    private static Response relay(Response downstream) {
        String body = downstream.hasEntity() ? downstream.readEntity(String.class) : null;
        Response.ResponseBuilder relayed = Response.status(downstream.getStatus()).entity(body);
        String contentType = downstream.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            relayed.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        for (String header : new String[]{HttpHeaders.LOCATION, HttpHeaders.ETAG}) {
            String value = downstream.getHeaderString(header);
            if (value != null) {
                relayed.header(header, value);
            }
        }
        return relayed.build();
    }

    private static Throwable unavailable(Throwable failure) {
        Log.warnf("order-service unavailable: %s", failure.toString());
        return new ProblemException(503, "service-unavailable", "Service unavailable",
                "Orders could not be reached or did not answer in time, so the order may or may not be stored. Submitting the same order again is safe: intake is idempotent by channel and externalId.");
    }
}
