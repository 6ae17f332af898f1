package io.portage.partners.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A transport management system in a plain, generic REST style (no vendor's API): it takes load tenders
 * ({@code POST /api/loads}, the API key as bearer token; a tender of a reference it holds answers that load again) and
 * answers each load's plan later by callback: {@code POST} of the plan (load, reference, revision, carrier, pickup
 * window) to the tender's {@code callbackUrl}, its raw body signed {@code X-Tms-Signature: sha256=<hex HMAC-SHA256 with
 * the shared secret>}, retried with a growing pause while the receiver fails. Tests plan loads, send a plan again, take
 * it down (503 to everything) and count calls; the local stack plans a load through
 * {@code POST /_standin/loads/{reference}/plan} with {@code {carrier, pickupStart, pickupEnd}} (the API key as bearer
 * token; not part of the TMS's API), answered with the plan it called back.
 */
public final class TmsStandin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;
    private static final String CONTROL = "/_standin/loads/";

    private final String apiKey;
    private final String secret;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, ObjectNode> loadsByReference = new ConcurrentHashMap<>();
    private final Map<String, List<String>> plansSent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile String callbackOverride;

    /** A TMS on a free loopback port that accepts {@code apiKey} and signs its callbacks with {@code secret}. */
    public TmsStandin(String apiKey, String secret) throws IOException {
        this(apiKey, secret, 0);
    }

    /** A TMS on a given loopback port (0: a free one). */
    public TmsStandin(String apiKey, String secret, int port) throws IOException {
        this.apiKey = apiKey;
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** Up again, counts cleared (the loads stay). */
    public void reset() {
        down = false;
        calls.clear();
    }

    /** Answers every call 503 while down. */
    public void down(boolean isDown) {
        down = isDown;
    }

    /**
     * Sends callbacks to this address instead of the tenders' {@code callbackUrl} (for a test whose service port is
     * known only once it runs); null: the tenders' own.
     */
    public void callbacksTo(String url) {
        callbackOverride = url;
    }

    /** How many calls reached a path prefix, e.g. {@code POST /api/loads}. */
    public int calls(String prefix) {
        return calls.entrySet()
                .stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    /** The load tendered for this reference, or null: {@code loadId}, {@code reference}, the tender as sent. */
    public JsonNode load(String reference) {
        return loadsByReference.get(reference);
    }

    /**
     * Plans the reference's load (its next revision) with a carrier and pickup window and calls the plan back; the
     * body sent, which {@link #resend} sends again.
     */
    public String plan(String reference, String carrier, Instant pickupStart, Instant pickupEnd) {
        ObjectNode load = loadsByReference.get(reference);
        if (load == null) {
            throw new IllegalStateException("no load tendered for " + reference);
        }
        List<String> sent = plansSent.computeIfAbsent(reference, r -> new CopyOnWriteArrayList<>());
        ObjectNode plan = JSON.createObjectNode()
                .put("event", "load.planned")
                .put("loadId", load.path("loadId").asText())
                .put("reference", reference)
                .put("revision", sent.size() + 1)
                .put("carrier", carrier)
                .put("plannedAt", Instant.now().toString());
        plan.putObject("pickupWindow").put("start", pickupStart.toString()).put("end", pickupEnd.toString());
        String body = plan.toString();
        sent.add(body);
        deliver(load.path("callbackUrl").asText(), body);
        return body;
    }

    /** Sends a plan body again (a duplicate, or a late one after a newer revision). */
    public void resend(String reference, String body) {
        deliver(loadsByReference.get(reference).path("callbackUrl").asText(), body);
    }

    /** The HMAC-SHA256 signature header value of a body, as this TMS signs it. */
    public static String signature(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(Webhooks.sign(secret, body));
    }

    private void deliver(String tendered, String body) {
        String callbackUrl = callbackOverride != null ? callbackOverride : tendered;
        HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Tms-Signature", signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        if (!Webhooks.send(http, request, ATTEMPTS, 400)) {
            throw new IllegalStateException("TMS callback to " + callbackUrl + " not taken after " + ATTEMPTS + " attempts");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.computeIfAbsent(exchange.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        try {
            if (down) {
                error(exchange, 503, "unavailable", "TMS temporarily unavailable");
                return;
            }
            if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "unauthorized", "API key missing or wrong");
                return;
            }
            if (path.equals("/api/loads") && "POST".equals(exchange.getRequestMethod())) {
                tender(exchange, JSON.readTree(body));
            } else if (path.startsWith(CONTROL) && path.endsWith("/plan") && "POST".equals(exchange.getRequestMethod())) {
                planTold(exchange, path.substring(CONTROL.length(), path.length() - "/plan".length()), JSON.readTree(body));
            } else {
                error(exchange, 404, "not-found", "No such resource " + path);
            }
        } catch (IOException | RuntimeException e) {
            try {
                error(exchange, 400, "invalid", e.toString());
            } catch (IOException closed) {
                // The client gave up; nothing to answer.
            }
        }
    }

    private void tender(HttpExchange exchange, JsonNode tender) throws IOException {
        String reference = tender.path("reference").asText("");
        for (String field : List.of("reference", "origin", "callbackUrl", "readyBy")) {
            if (tender.path(field).asText("").isBlank()) {
                error(exchange, 422, "invalid-tender", field + " is required");
                return;
            }
        }
        boolean[] created = {false};
        ObjectNode load = loadsByReference.computeIfAbsent(reference, r -> {
            created[0] = true;
            ObjectNode made = JSON.createObjectNode()
                    .put("loadId", "LD-" + String.format("%06d", ids.incrementAndGet()))
                    .put("reference", r)
                    .put("status", "TENDERED")
                    .put("callbackUrl", tender.path("callbackUrl").asText());
            made.set("tender", tender);
            return made;
        });
        ObjectNode answer = JSON.createObjectNode()
                .put("loadId", load.path("loadId").asText())
                .put("reference", reference)
                .put("status", "TENDERED");
        respond(exchange, created[0] ? 201 : 200, answer);
    }

    /** The control path: plans the reference's load as told and answers the plan it called back (502 when not taken). */
    private void planTold(HttpExchange exchange, String reference, JsonNode told) throws IOException {
        if (!loadsByReference.containsKey(reference)) {
            error(exchange, 404, "not-found", "No load tendered for " + reference);
            return;
        }
        Instant start = Instant.parse(told.path("pickupStart").asText());
        Instant end = Instant.parse(told.path("pickupEnd").asText());
        String carrier = told.path("carrier").asText("");
        if (carrier.isBlank() || !end.isAfter(start)) {
            error(exchange, 422, "invalid-plan", "carrier is required and pickupEnd must be after pickupStart");
            return;
        }
        String sent;
        try {
            sent = plan(reference, carrier, start, end);
        } catch (IllegalStateException e) {
            error(exchange, 502, "callback-failed", e.getMessage());
            return;
        }
        respond(exchange, 200, JSON.readTree(sent));
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        respond(exchange, status, JSON.createObjectNode().put("code", code).put("message", message));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
