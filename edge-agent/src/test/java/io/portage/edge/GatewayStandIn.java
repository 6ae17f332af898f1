package io.portage.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the gateway in tests: a token endpoint ({@code POST /token}, client credentials, short-lived tokens)
 * and the edge route ({@code POST /api/v1/edge/events}) that applies each id once, records the order per key, answers
 * per event, rejects payloads with {@code "invalid":true}, and can go down (port closed) and come back up.
 */
public final class GatewayStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private volatile HttpServer server;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> applyCount = new ConcurrentHashMap<>();
    /** Guards {@link #appliedByKey}; handlers never lock the instance, which {@link #down()} holds while stopping. */
    private final Object applying = new Object();
    private final Map<String, List<UUID>> appliedByKey = new LinkedHashMap<>();
    public final AtomicInteger tokensIssued = new AtomicInteger();
    public final AtomicInteger unauthorized = new AtomicInteger();
    public final AtomicInteger batches = new AtomicInteger();
    public final AtomicInteger duplicatesAnswered = new AtomicInteger();
    public volatile int tokenSeconds = 60;
    public volatile boolean rejectInvalid = true;

    public GatewayStandIn(int port) {
        this.port = port;
    }

    /** A free port, chosen once per JVM and kept in a system property (test profiles and tests share it). */
    public static int port() {
        synchronized (GatewayStandIn.class) {
            String chosen = System.getProperty("edge.test.gateway.port");
            if (chosen == null) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    chosen = String.valueOf(socket.getLocalPort());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                System.setProperty("edge.test.gateway.port", chosen);
            }
            return Integer.parseInt(chosen);
        }
    }

    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        created.createContext("/token", this::token);
        created.createContext("/api/v1/edge/events", this::events);
        created.start();
        server = created;
    }

    /**
     * Closes the port. {@link HttpServer#stop} waits for the exchange in flight, so no handler may take this lock: one
     * did, and a run deadlocked (the dispatcher waited on the lock, stop on the dispatcher).
     */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public void revokeTokens() {
        tokens.clear();
    }

    public int applied() {
        return applyCount.size();
    }

    public boolean applied(UUID id) {
        return applyCount.containsKey(id);
    }

    /** Ids applied more than once: always empty, the receiver dedupes by id as the cloud does. */
    public List<UUID> appliedTwice() {
        return applyCount.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    public List<UUID> appliedFor(String key) {
        synchronized (applying) {
            return List.copyOf(appliedByKey.getOrDefault(key, List.of()));
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = read(exchange);
        if (!form.contains("grant_type=client_credentials") && !form.contains("grant_type=refresh_token")) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        String token = "tok-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
        tokens.put(token, Instant.now().plusSeconds(tokenSeconds));
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokenSeconds + "}");
    }

    private void events(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        Instant expiry = tokens.get(token);
        if (expiry == null || Instant.now().isAfter(expiry)) {
            unauthorized.incrementAndGet();
            read(exchange);
            respond(exchange, 401, "{\"status\":401}");
            return;
        }
        JsonNode body = JSON.readTree(read(exchange));
        batches.incrementAndGet();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        synchronized (applying) {
            for (JsonNode event : body.get("events")) {
                UUID id = UUID.fromString(event.get("id").asText());
                ObjectNode result = results.addObject().put("id", id.toString());
                if (applyCount.containsKey(id)) {
                    duplicatesAnswered.incrementAndGet();
                    result.put("status", "duplicate");
                } else if (rejectInvalid && event.path("payload").path("invalid").asBoolean(false)) {
                    result.put("status", "rejected").put("reason", "payload.invalid is true");
                } else {
                    applyCount.merge(id, 1, Integer::sum);
                    appliedByKey.computeIfAbsent(event.get("key").asText(), k -> new ArrayList<>()).add(id);
                    result.put("status", "accepted");
                }
            }
        }
        respond(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        down();
    }
}
