package io.portage.shipment.tms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * yard-service's appointments API as shipment-service calls it (its OpenAPI document: {@code AppointmentRequest},
 * {@code Reschedule}, {@code AppointmentView}, problem+json refusals, {@code Idempotency-Key} answered again), and the
 * realm's token endpoint for the client-credentials grant, on one loopback port. Tests make it refuse or go away.
 */
public final class YardStandin {

    public static final String CLIENT_ID = "shipment-service";
    public static final String CLIENT_SECRET = "shipment-service-test-secret";
    private static final String TOKEN = "yard-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<UUID, ObjectNode> appointments = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger bookings = new AtomicInteger();
    private final AtomicInteger reschedules = new AtomicInteger();
    private volatile boolean refusing;
    private volatile boolean down;

    public YardStandin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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

    public void reset() {
        refusing = false;
        down = false;
    }

    /** Answers bookings 422 booking-refused (the site's rules). */
    public void refusing(boolean refuse) {
        refusing = refuse;
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    /** Appointments booked (a key answered again is not counted). */
    public int bookings() {
        return bookings.get();
    }

    public int reschedules() {
        return reschedules.get();
    }

    public JsonNode appointment(UUID id) {
        return appointments.get(id);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path.equals("/token")) {
            token(exchange, new String(body, StandardCharsets.UTF_8));
            return;
        }
        if (down) {
            problem(exchange, 503, "unavailable", "yard-service is restarting");
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, 401, "unauthorized", "No valid access token");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        ObjectNode again = key == null ? null : byKey.get(key);
        if (again != null) {
            respond(exchange, path.endsWith("/reschedule") ? 200 : 201, again);
            return;
        }
        JsonNode request = JSON.readTree(body);
        if (path.equals("/api/v1/appointments") && "POST".equals(exchange.getRequestMethod())) {
            for (String field : new String[]{"site", "dock", "direction", "carrier", "reference", "slotStart", "slotEnd"}) {
                if (request.path(field).asText("").isBlank()) {
                    problem(exchange, 400, "invalid-request", field + " is required");
                    return;
                }
            }
            if (refusing) {
                problem(exchange, 422, "booking-refused", "opening-hours: the site is closed then");
                return;
            }
            UUID id = UUID.randomUUID();
            ObjectNode view = ((ObjectNode) request.deepCopy()).put("id", id.toString()).put("status", "SCHEDULED");
            appointments.put(id, view);
            remember(key, view);
            bookings.incrementAndGet();
            respond(exchange, 201, view);
        } else if (path.matches("/api/v1/appointments/[^/]+/reschedule")) {
            ObjectNode view = appointments.get(UUID.fromString(path.split("/")[4]));
            if (view == null) {
                problem(exchange, 404, "not-found", "No such appointment");
                return;
            }
            view.put("slotStart", request.path("slotStart").asText()).put("slotEnd", request.path("slotEnd").asText());
            Instant.parse(view.path("slotStart").asText());
            remember(key, view.deepCopy());
            reschedules.incrementAndGet();
            respond(exchange, 200, view);
        } else {
            problem(exchange, 404, "not-found", "No such resource " + path);
        }
    }

    private void remember(String key, ObjectNode view) {
        if (key != null) {
            byKey.put(key, view);
        }
    }

    private static void token(HttpExchange exchange, String form) throws IOException {
        Map<String, String> fields = new ConcurrentHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        boolean byBasic = basic != null && basic.equals("Basic " + java.util.Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        boolean byForm = CLIENT_ID.equals(fields.get("client_id")) && CLIENT_SECRET.equals(fields.get("client_secret"));
        if (!"client_credentials".equals(fields.get("grant_type")) || !(byBasic || byForm)) {
            respond(exchange, 401, JSON.createObjectNode().put("error", "invalid_client"));
            return;
        }
        respond(exchange, 200, JSON.createObjectNode()
                .put("access_token", TOKEN)
                .put("token_type", "Bearer")
                .put("expires_in", 300));
    }

    private static void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        respond(exchange, status, JSON.createObjectNode()
                .put("type", "https://portage.io/problems/" + type)
                .put("title", type)
                .put("status", status)
                .put("detail", detail));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
