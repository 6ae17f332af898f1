package io.portage.shipment.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.shipment.config.TmsConfig;
import io.portage.shipment.domain.tms.DockAppointmentException;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * yard-service's appointments API ({@code POST /api/v1/appointments}, {@code .../{id}/reschedule}) for outbound dock
 * appointments of planned loads, with a client-credentials token of the realm ({@code quarkus.oidc-client.*}) and an
 * {@code Idempotency-Key} per load and plan revision, so a call sent again books or moves nothing twice; a timeout and
 * a circuit breaker guard it. 409 and 422 are yard-service's refusals, anything else it being away.
 */
@ApplicationScoped
public class YardAppointmentsClient {

    private static final TypeLiteral<Uni<HttpResponse<Buffer>>> UNI = new TypeLiteral<>() {
    };

    private final TmsConfig.Yard config;
    private final OidcClient tokens;
    private final ObjectMapper json;
    private final WebClient web;
    private final Guard guard;

    public YardAppointmentsClient(TmsConfig config, OidcClient tokens, Vertx vertx, ObjectMapper json) {
        this.config = config.yard();
        this.tokens = tokens;
        this.json = json;
        this.web = WebClient.create(vertx, new WebClientOptions().setName("yard-service")
                .setConnectTimeout((int) this.config.timeout().toMillis())
                .setKeepAlive(true)
                .setFollowRedirects(false));
        this.guard = Guard.create()
                .withDescription("yard-service appointments")
                .withCircuitBreaker()
                .requestVolumeThreshold(10)
                .failureRatio(0.5)
                .delay(30, ChronoUnit.SECONDS)
                .when(failure -> !(failure instanceof DockAppointmentException e) || !e.refused())
                .done()
                .withTimeout()
                .duration(this.config.timeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withThreadOffload(false)
                .build();
    }

    /** A dock appointment as yard-service holds it. */
    public record Booked(UUID id, Instant slotStart, Instant slotEnd, String status) {
    }

    /** Books the outbound appointment of a load at its site's outbound dock for the pickup window. */
    public Uni<Booked> book(String site, String carrier, String reference, UUID shipmentId, Instant start, Instant end,
            String idempotencyKey) {
        ObjectNode body = json.createObjectNode()
                .put("site", site)
                .put("dock", config.dock())
                .put("direction", "OUTBOUND")
                .put("carrier", carrier)
                .put("reference", reference)
                .put("slotStart", start.toString())
                .put("slotEnd", end.toString());
        body.putArray("shipments").add(shipmentId.toString());
        return send("/api/v1/appointments", body, idempotencyKey);
    }

    /** Moves a booked appointment to a new pickup window. */
    public Uni<Booked> reschedule(UUID appointmentId, Instant start, Instant end, String reason, String idempotencyKey) {
        ObjectNode body = json.createObjectNode()
                .put("slotStart", start.toString())
                .put("slotEnd", end.toString())
                .put("reason", reason);
        return send("/api/v1/appointments/" + appointmentId + "/reschedule", body, idempotencyKey);
    }

    private Uni<Booked> send(String path, ObjectNode body, String idempotencyKey) {
        String url = config.url().orElseThrow(() -> new DockAppointmentException(false, "portage.tms.yard.url is not set"));
        Uni<HttpResponse<Buffer>> sent;
        try {
            sent = guard.get(() -> tokens.getTokens()
                    .chain(token -> web.postAbs(url + path)
                            .putHeader("Authorization", "Bearer " + token.getAccessToken())
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Accept", "application/json")
                            .putHeader("Idempotency-Key", idempotencyKey)
                            .sendBuffer(Buffer.buffer(body.toString())))
                    .map(this::answered), UNI);
        } catch (Exception e) {
            sent = Uni.createFrom().failure(e);
        }
        return sent.onFailure(failure -> !(failure instanceof DockAppointmentException))
                .transform(failure -> new DockAppointmentException(false, "yard-service not reached: "
                        + failure.getClass().getSimpleName() + ": " + failure.getMessage()))
                .map(response -> {
                    JsonNode view = read(response);
                    return new Booked(UUID.fromString(view.path("id").asText()), Instant.parse(view.path("slotStart")
                            .asText()), Instant.parse(view.path("slotEnd").asText()), view.path("status").asText());
                });
    }

    private HttpResponse<Buffer> answered(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 409 || status == 422) {
            JsonNode problem = read(response);
            throw new DockAppointmentException(true, "HTTP " + status + " " + problem.path("title").asText("") + ": "
                    + problem.path("detail").asText(""));
        }
        if (status >= 300) {
            throw new DockAppointmentException(false, "HTTP " + status + " from yard-service");
        }
        return response;
    }

    private JsonNode read(HttpResponse<Buffer> response) {
        try {
            return json.readTree(response.bodyAsString() == null ? "{}" : response.bodyAsString());
        } catch (Exception e) {
            throw new DockAppointmentException(false, "HTTP " + response.statusCode() + " with a body that is not JSON");
        }
    }
}
