package io.portage.shipment.client;

import java.net.ConnectException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.shipment.config.TmsConfig;
import io.portage.shipment.domain.tms.LoadPlan;
import io.portage.shipment.domain.tms.LoadTender;
import io.portage.shipment.domain.tms.Tms;
import io.portage.shipment.domain.tms.TmsException;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The TMS adapter for a plain REST TMS (no vendor's API; see the README): a tender is {@code POST /api/loads} with the
 * API key as bearer token, answered {@code {loadId}}; plans come back by callback, the raw body signed
 * {@code X-Tms-Signature: sha256=<hex HMAC-SHA256 with the shared secret>}. Its own guards: a timeout per call, retries
 * after a refused connection only (a tender is a write), a circuit breaker that opens when the TMS keeps failing.
 */
@ApplicationScoped
public class RestTms implements Tms {

    private static final TypeLiteral<Uni<HttpResponse<Buffer>>> UNI = new TypeLiteral<>() {
    };
    private static final String PREFIX = "sha256=";

    private final TmsConfig config;
    private final ObjectMapper json;
    private final WebClient web;
    private final Guard guard;

    public RestTms(TmsConfig config, Vertx vertx, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.web = WebClient.create(vertx, new WebClientOptions().setName("tms")
                .setConnectTimeout((int) config.timeout().toMillis())
                .setKeepAlive(true)
                .setFollowRedirects(false));
        TmsConfig.Breaker breaker = config.breaker();
        this.guard = Guard.create()
                .withDescription("TMS")
                .withRetry()
                .maxRetries(config.retries())
                .delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(config.retryDelay().toMillis() / 2, ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof ConnectException)
                .withExponentialBackoff()
                .factor(2)
                .done()
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .when(failure -> !(failure instanceof TmsException e) || e.unavailable())
                .onStateChange(state -> Log.infof("Circuit breaker of the TMS is now %s", state))
                .done()
                .withTimeout()
                .duration(config.timeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withThreadOffload(false)
                .build();
    }

    @Override
    public Uni<String> tender(LoadTender tender) {
        ObjectNode body = json.createObjectNode()
                .put("reference", tender.shipmentId().toString())
                .put("origin", tender.origin())
                .put("readyBy", tender.readyBy().toString())
                .put("serviceLevel", tender.serviceLevel())
                .put("quantity", tender.quantity())
                .put("callbackUrl", config.callbackUrl()
                        .orElseThrow(() -> new TmsException(false,
                                "portage.tms.callback-url is not set")));
        body.putObject("destination")
                .put("country", tender.destinationCountry())
                .put("postalCode", tender.destinationPostalCode())
                .put("city", tender.destinationCity());
        Uni<HttpResponse<Buffer>> sent;
        try {
            sent = guard.get(() -> web.postAbs(config.url().orElseThrow() + "/api/loads")
                    .putHeader("Authorization", "Bearer " + config.apiKey().orElse(""))
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Accept", "application/json")
                    .sendBuffer(Buffer.buffer(body.toString()))
                    .map(this::accepted), UNI);
        } catch (Exception e) {
            sent = Uni.createFrom().failure(e);
        }
        return sent.onFailure(failure -> !(failure instanceof TmsException))
                .transform(RestTms::unavailable)
                .map(response -> read(response).path("loadId").asText(""))
                .invoke(loadId -> {
                    if (loadId.isBlank()) {
                        throw new TmsException(true, "the TMS answered the tender without a loadId");
                    }
                });
    }

    private HttpResponse<Buffer> accepted(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 400) {
            JsonNode error = status == 503 || response.bodyAsString() == null ? json.createObjectNode() : read(response);
            throw new TmsException(status >= 500 || status == 429, "HTTP " + status + " "
                    + error.path("code").asText(response.statusMessage()) + ": " + error.path("message").asText(""));
        }
        return response;
    }

    private static TmsException unavailable(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new TmsException(true, "not called: circuit open after recent failures");
        }
        if (failure instanceof TimeoutException) {
            return new TmsException(true, "no answer in time");
        }
        return new TmsException(true, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private JsonNode read(HttpResponse<Buffer> response) {
        try {
            return json.readTree(response.bodyAsString());
        } catch (Exception e) {
            throw new TmsException(true, "HTTP " + response.statusCode() + " with a body that is not JSON");
        }
    }

    @Override
    public boolean signed(String body, String signature) {
        if (signature == null || !signature.startsWith(PREFIX) || config.webhookSecret().isEmpty()) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(ParcelApiWebhooks.sign(config.webhookSecret().get(), body), given);
    }

    @Override
    public LoadPlan plan(String body) {
        JsonNode plan;
        try {
            plan = json.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (plan == null || !"load.planned".equals(plan.path("event").asText())) {
            throw new IllegalArgumentException("event: only load.planned is taken");
        }
        try {
            return new LoadPlan(plan.path("loadId").asText(), UUID.fromString(plan.path("reference").asText()),
                    plan.path("revision").asLong(0), plan.path("carrier").asText(null),
                    Instant.parse(plan.path("pickupWindow").path("start").asText()),
                    Instant.parse(plan.path("pickupWindow").path("end").asText()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a plan needs loadId, reference (a shipment id), revision, carrier and"
                    + " pickupWindow.start/end (ISO instants)");
        }
    }
}
