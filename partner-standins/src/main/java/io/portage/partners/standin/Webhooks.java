package io.portage.partners.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parcel carrier's webhook deliveries, as EasyPost makes them: an {@code Event} whose raw body is signed with the
 * webhook secret ({@code X-Hmac-Signature: hmac-sha256-hex=<HMAC-SHA256 of the body, secret NFKD-normalised>}), sent
 * one at a time in order, retried with a growing pause while the receiver answers anything but 2xx (five attempts).
 */
final class Webhooks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;

    private final URI url;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carrier-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    Webhooks(String url, String secret) {
        this.url = URI.create(url);
        this.secret = secret;
    }

    /** Queues a {@code tracker.updated} event for this tracker. */
    void trackerUpdated(ObjectNode tracker) {
        ObjectNode event = JSON.createObjectNode()
                .put("id", "evt_" + Long.toHexString(System.nanoTime()))
                .put("object", "Event")
                .put("description", "tracker.updated");
        event.set("result", tracker);
        String body;
        try {
            body = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sender.execute(() -> deliver(body));
    }

    private void deliver(String body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hmac-Signature", "hmac-sha256-hex=" + HexFormat.of().formatHex(sign(secret, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        send(http, request, ATTEMPTS, 1000);
    }

    /**
     * Posts a signed request until the receiver answers 2xx, at most {@code attempts} times, pausing
     * {@code firstPauseMillis} doubled after each failure; whether it was taken.
     */
    static boolean send(HttpClient http, HttpRequest request, int attempts, long firstPauseMillis) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
                System.out.printf("callback to %s answered %d (attempt %d of %d)%n", request.uri(), status, attempt,
                        attempts);
            } catch (IOException e) {
                System.out.printf("callback to %s failed: %s (attempt %d of %d)%n", request.uri(), e, attempt, attempts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(firstPauseMillis << (attempt - 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static byte[] sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
