package io.portage.partners.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The parcel carrier's webhooks as a receiver sees them: signed, in order, retried while the receiver fails. */
class ParcelApiStandinTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String[]> received = new ArrayBlockingQueue<>(10);
    private final AtomicInteger failFirst = new AtomicInteger();
    private HttpServer receiver;
    private ParcelApiStandin carrier;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/parcelco", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                received.add(new String[]{exchange.getRequestHeaders().getFirst("X-Hmac-Signature"), body});
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        carrier = new ParcelApiStandin("parcelco", "key-1", new BigDecimal("4.00"));
        carrier.webhooks("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/parcelco", "s\u00e9cret");
    }

    @AfterEach
    void stop() {
        carrier.stop();
        receiver.stop(0);
    }

    @Test
    void scansToldThroughTheControlPathArriveAsASignedTrackerUpdatedEvent() throws Exception {
        HttpResponse<String> told = post("/_standin/trackers/PARCELCO1Z7", """
                {"tracking_details":[{"status":"in_transit","message":"Departed","datetime":"2026-12-05T08:00:00Z",
                  "city":"Venlo","country":"NL"}]}""");
        assertThat(told.statusCode()).isEqualTo(200);

        String[] event = received.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event[0]).isEqualTo("hmac-sha256-hex=" + HexFormat.of().formatHex(Webhooks.sign("s\u00e9cret", event[1])));
        JsonNode body = JSON.readTree(event[1]);
        assertThat(body.path("description").asText()).isEqualTo("tracker.updated");
        assertThat(body.path("result").path("tracking_code").asText()).isEqualTo("PARCELCO1Z7");
        assertThat(body.path("result").path("tracking_details").get(0).path("status").asText()).isEqualTo("in_transit");
    }

    @Test
    void aFailingReceiverGetsTheEventAgain() throws Exception {
        failFirst.set(1);
        carrier.track("PARCELCO1Z8", List.of(java.util.Map.of("status", "delivered", "message", "Delivered",
                "datetime", "2026-12-05T15:00:00Z", "city", "Hamburg", "country", "DE")));

        String[] event = received.poll(15, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(JSON.readTree(event[1]).path("result").path("tracking_code").asText()).isEqualTo("PARCELCO1Z8");
    }

    @Test
    void theControlPathNeedsTheApiKey() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(HttpRequest
                        .newBuilder(URI.create(carrier.url() + "/_standin/trackers/X"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(carrier.url() + path))
                        .header("Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("key-1:".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }
}
