package io.portage.partners.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The TMS's control path as the local stack's demo uses it: a tendered load planned, its plan called back signed. */
class TmsStandinTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String[]> received = new ArrayBlockingQueue<>(10);
    private HttpServer receiver;
    private TmsStandin tms;
    private String callbackUrl;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/tms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{exchange.getRequestHeaders().getFirst("X-Tms-Signature"), body});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/tms";
        tms = new TmsStandin("tms-key", "tms-secret");
    }

    @AfterEach
    void stop() {
        tms.stop();
        receiver.stop(0);
    }

    @Test
    void aLoadPlannedThroughTheControlPathIsCalledBackSigned() throws Exception {
        HttpResponse<String> tendered = post("/api/loads", "tms-key", """
                {"reference":"ref-1","origin":"WH1","readyBy":"2026-12-06","callbackUrl":"%s"}""".formatted(callbackUrl));
        assertThat(tendered.statusCode()).isEqualTo(201);
        String loadId = JSON.readTree(tendered.body()).path("loadId").asText();

        HttpResponse<String> planned = post("/_standin/loads/ref-1/plan", "tms-key", """
                {"carrier":"Swift Freight","pickupStart":"2026-12-06T14:00:00Z","pickupEnd":"2026-12-06T15:00:00Z"}""");
        assertThat(planned.statusCode()).isEqualTo(200);

        String[] callback = received.poll(10, TimeUnit.SECONDS);
        assertThat(callback).isNotNull();
        assertThat(callback[0]).isEqualTo(TmsStandin.signature("tms-secret", callback[1]));
        JsonNode plan = JSON.readTree(callback[1]);
        assertThat(plan.path("event").asText()).isEqualTo("load.planned");
        assertThat(plan.path("loadId").asText()).isEqualTo(loadId);
        assertThat(plan.path("reference").asText()).isEqualTo("ref-1");
        assertThat(plan.path("revision").asInt()).isEqualTo(1);
        assertThat(plan.path("carrier").asText()).isEqualTo("Swift Freight");
        assertThat(plan.path("pickupWindow").path("start").asText()).isEqualTo("2026-12-06T14:00:00Z");
        assertThat(JSON.readTree(planned.body())).isEqualTo(plan);

        post("/_standin/loads/ref-1/plan", "tms-key", """
                {"carrier":"Swift Freight","pickupStart":"2026-12-06T15:00:00Z","pickupEnd":"2026-12-06T16:00:00Z"}""");
        String[] again = received.poll(10, TimeUnit.SECONDS);
        assertThat(again).isNotNull();
        assertThat(JSON.readTree(again[1]).path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void theControlPathIsRefusedWithoutTheKeyAndForALoadNeverTendered() throws Exception {
        String plan = """
                {"carrier":"Swift Freight","pickupStart":"2026-12-06T14:00:00Z","pickupEnd":"2026-12-06T15:00:00Z"}""";
        assertThat(post("/_standin/loads/ref-2/plan", "wrong-key", plan).statusCode()).isEqualTo(401);
        assertThat(post("/_standin/loads/ref-2/plan", "tms-key", plan).statusCode()).isEqualTo(404);
        post("/api/loads", "tms-key", """
                {"reference":"ref-2","origin":"WH1","readyBy":"2026-12-06","callbackUrl":"%s"}""".formatted(callbackUrl));
        assertThat(post("/_standin/loads/ref-2/plan", "tms-key", """
                {"carrier":"","pickupStart":"2026-12-06T14:00:00Z","pickupEnd":"2026-12-06T15:00:00Z"}""").statusCode())
                .isEqualTo(422);
        assertThat(received).isEmpty();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tms.url() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
