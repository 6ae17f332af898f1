package io.portage.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How the demo calls the suite: client-credentials tokens from the realm, and JSON over HTTP with a bearer. */
final class DemoHttp {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> issuer;

    DemoHttp(Supplier<String> issuer) {
        this.issuer = issuer;
    }

    record Reply(int status, JsonNode body) {
    }

    String token(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(issuer.get() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Reply reply = send(request);
        if (reply.status() != 200) {
            throw new IllegalStateException("Keycloak refused " + clientId + ": " + reply.body());
        }
        return reply.body().path("access_token").asText();
    }

    Reply get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply post(String url, String token, String body, String correlationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return send(request.build());
    }

    Reply put(String url, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of {@code url} once {@code done} holds for it, asked every 100 ms; fails after {@code within}. */
    JsonNode await(String url, String token, java.util.function.Predicate<JsonNode> done, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode body;
        do {
            body = get(url, token).body();
            if (done.test(body)) {
                return body;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("Not within " + within.toSeconds() + " s: " + what + " (last answer: " + body + ")");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
