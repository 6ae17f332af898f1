package io.portage.console.client;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;

/**
 * The console's one way to the gateway's operations relay: every call carries the signed-in person's access token, so
 * the gateway and the services decide what the person may see and do, and audit it in their name. Answers come back
 * as the gateway gave them (a 4xx is the person's answer); an unreachable gateway, a timeout or a 5xx is a 503
 * {@link Answer} naming the service, never an exception for the page.
 */
@ApplicationScoped
public class GatewayClient {

    /** The gateway itself as a source: its own operations API ({@code /ops}), not one it relays. */
    public static final String GATEWAY = "gateway";
    private static final String YARD = "yard-service";
    private static final String SHIPMENTS = "shipment-service";

    private final GatewayRestClient api;
    private final GatewayOwnOpsRestClient own;
    private final GatewayLookupRestClient lookups;

    public GatewayClient(@RestClient GatewayRestClient api, @RestClient GatewayOwnOpsRestClient own,
            @RestClient GatewayLookupRestClient lookups) {
        this.api = api;
        this.own = own;
        this.lookups = lookups;
    }

    public Answer list(String token, String service, String resource, Map<String, String> query) {
        return call(service, () -> GATEWAY.equals(service)
                ? own.list(resource, query, bearer(token))
                : api.list(service, resource, query, bearer(token)));
    }

    public Answer get(String token, String service, String resource, String id) {
        return call(service, () -> GATEWAY.equals(service)
                ? own.get(resource, id, bearer(token))
                : api.get(service, resource, id, bearer(token)));
    }

    public Answer view(String token, String service, String resource, String id, String view) {
        return call(service, () -> api.view(service, resource, id, view, bearer(token)));
    }

    public Answer act(String token, String service, String resource, String action, String body) {
        return call(service, () -> GATEWAY.equals(service)
                ? own.act(resource, action, body, bearer(token))
                : api.act(service, resource, action, body, bearer(token)));
    }

    public Answer actOn(String token, String service, String resource, String id, String action, String body) {
        return call(service, () -> GATEWAY.equals(service)
                ? own.actOn(resource, id, action, body, bearer(token))
                : api.actOn(service, resource, id, action, body, bearer(token)));
    }

    /** The yard board: every site's doors and trucks on site (operators and the warehouse). */
    public Answer yardBoard(String token) {
        return call(YARD, () -> lookups.yardBoard(bearer(token)));
    }

    /** A trailer's visits with their appointments' shipments (operators and the warehouse). */
    public Answer trailerVisits(String token, String trailer) {
        return call(YARD, () -> lookups.trailerVisits(trailer, bearer(token)));
    }

    /** Shipments found by order id, order number, Odoo reference or tracking number (operators). */
    public Answer shipments(String token, Map<String, String> query) {
        return call(SHIPMENTS, () -> lookups.shipments(query, bearer(token)));
    }

    /** A shipment's timeline, oldest first (operators). */
    public Answer timeline(String token, String shipmentId) {
        return call(SHIPMENTS, () -> lookups.timeline(shipmentId, bearer(token)));
    }

    /**
     * No circuit breaker here: the gateway keeps one per service behind it, and one here would let a single failing
     * service darken the others' lists.
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    Answer call(String service, Supplier<Response> call) {
        try (Response response = call.get()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() >= 500) {
                throw new GatewayUnavailableException(service + " answered " + response.getStatus() + ": " + body);
            }
            return new Answer(response.getStatus(), body);
        } catch (WebApplicationException e) {
            // A refusal (4xx) is the person's answer, whatever raised it.
            if (e.getResponse().getStatus() < 500) {
                Response refused = e.getResponse();
                return new Answer(refused.getStatus(), refused.hasEntity() ? refused.readEntity(String.class) : "");
            }
            throw new GatewayUnavailableException(service + " answered " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new GatewayUnavailableException("the gateway could not be reached: " + e.getMessage());
        }
    }

    Answer unavailable(String service, Supplier<Response> call, Throwable failure) {
        Log.warnf("Operations call to %s failed: %s", service, failure.toString());
        return Answer.unavailable(service);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
