package io.portage.edge.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.portage.edge.config.EdgeConfig;
import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.ForwardResult;
import io.portage.edge.domain.Uplink;
import io.portage.edge.domain.UplinkUnavailableException;

/**
 * Sends batches to the gateway's {@code /api/v1/edge/events} with a client-credentials token. Any failure (no
 * connection, timeout, non-2xx) is an {@link UplinkUnavailableException}: the forwarder's backoff takes the place of
 * {@code @Retry}, since a dead uplink is the normal case at the edge, not a fault to hide.
 */
@ApplicationScoped
public class GatewayClient implements Uplink {

    private final GatewayRestClient gateway;
    private final GatewayTokens tokens;
    private final String site;

    public GatewayClient(@RestClient GatewayRestClient gateway, GatewayTokens tokens, EdgeConfig config) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.site = config.forward().site();
    }

    @Override
    public List<ForwardResult> send(List<EdgeEvent> events) {
        List<ForwardBatch.Event> body = new ArrayList<>(events.size());
        for (EdgeEvent event : events) {
            body.add(new ForwardBatch.Event(event.id(), event.type(), event.key(), event.priority().name(),
                    event.occurredAt(), event.receivedAt(), event.payload()));
        }
        String authorization;
        try {
            authorization = tokens.authorization();
        } catch (RuntimeException e) {
            throw new UplinkUnavailableException("no token from the identity provider: " + e.getMessage(), e);
        }
        Response response;
        try {
            response = gateway.send(authorization, new ForwardBatch(site, body));
        } catch (RuntimeException e) {
            throw new UplinkUnavailableException("gateway unreachable: " + e.getMessage(), e);
        }
        try (response) {
            if (response.getStatus() == 401) {
                tokens.invalidate();
            }
            if (response.getStatus() / 100 != 2) {
                throw new UplinkUnavailableException("gateway answered " + response.getStatus(), null);
            }
            ForwardResponse answer = response.readEntity(ForwardResponse.class);
            List<ForwardResult> results = new ArrayList<>();
            if (answer != null && answer.results() != null) {
                for (ForwardResponse.Result result : answer.results()) {
                    ForwardResult.Status status = status(result.status());
                    if (result.id() != null && status != null) {
                        results.add(new ForwardResult(result.id(), status, result.reason()));
                    }
                }
            }
            return results;
        } catch (UplinkUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UplinkUnavailableException("unreadable answer from the gateway: " + e.getMessage(), e);
        }
    }

    private static ForwardResult.Status status(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "accepted" -> ForwardResult.Status.ACCEPTED;
            case "duplicate" -> ForwardResult.Status.DUPLICATE;
            case "rejected" -> ForwardResult.Status.REJECTED;
            default -> null;
        };
    }
}
