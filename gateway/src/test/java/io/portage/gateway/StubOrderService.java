package io.portage.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for order-service in the gateway's component tests (the end-to-end tests run the real one). It answers
 * like order-service and records what the gateway sent; {@code GET /__requests} lists the recorded requests.
 * An order id starting with {@code 00000000} belongs to partner "other"; {@code "externalId":"BOOM"} answers 500.
 * Under {@code /ops} it stands in for the event kit's operations API.
 */
public class StubOrderService implements QuarkusTestResourceLifecycleManager {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/orders", this::orders);
        server.createContext("/ops", this::ops);
        server.createContext("/__requests", exchange -> respond(exchange, 200, "application/json",
                "[" + String.join(",", requests) + "]"));
        server.start();
        return Map.of("quarkus.rest-client.order-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "stub.order-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void orders(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String partner = exchange.getRequestHeaders().getFirst("X-Portage-Partner-Id");
        String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        requests.add("{\"method\":\"%s\",\"path\":\"%s\",\"partner\":%s,\"correlation\":%s}".formatted(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), quote(partner), quote(correlation)));
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/cancel") || "PATCH".equals(exchange.getRequestMethod())) {
            // Like order-service: another partner's order is not found; a change needs the version as read ("1").
            String id = path.substring("/api/v1/orders/".length()).replace("/cancel", "");
            String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
            if (id.startsWith("00000000")) {
                respond(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
            } else if ("PATCH".equals(exchange.getRequestMethod()) && !"\"1\"".equals(ifMatch)) {
                respond(exchange, ifMatch == null ? 428 : 412, "application/problem+json",
                        "{\"status\":" + (ifMatch == null ? 428 : 412) + "}");
            } else {
                exchange.getResponseHeaders().add("ETag", "\"2\"");
                respond(exchange, 200, "application/json", "{\"id\":\"" + id + "\",\"partnerId\":" + quote(partner)
                        + ",\"status\":\"" + (path.endsWith("/cancel") ? "CANCELLED" : "ACCEPTED") + "\"}");
            }
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            if (body.contains("\"BOOM\"")) {
                respond(exchange, 500, "application/problem+json", "{\"status\":500}");
            } else if (!body.contains("\"lines\"")) {
                respond(exchange, 400, "application/problem+json",
                        "{\"status\":400,\"title\":\"Invalid request\",\"violations\":[{\"field\":\"lines\",\"message\":\"must not be null\"}]}");
            } else {
                exchange.getResponseHeaders().add("Location", "/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001");
                respond(exchange, 201, "application/json",
                        "{\"id\":\"3f0c2a4e-0000-4000-8000-000000000001\",\"partnerId\":" + quote(partner)
                                + ",\"status\":\"RECEIVED\"}");
            }
            return;
        }
        String id = path.substring("/api/v1/orders/".length());
        String owner = id.startsWith("00000000") ? "other" : "northwind";
        exchange.getResponseHeaders().add("ETag", "\"1\"");
        respond(exchange, 200, "application/json",
                "{\"id\":\"" + id + "\",\"partnerId\":\"" + owner + "\",\"status\":\"RECEIVED\"}");
    }

    /** The event kit's operations API: records the call, answers an empty list or the acted-on record. */
    private void ops(HttpExchange exchange) throws IOException {
        String actor = exchange.getRequestHeaders().getFirst("X-Portage-Actor");
        String query = exchange.getRequestURI().getRawQuery();
        requests.add("{\"method\":\"%s\",\"path\":\"%s\",\"query\":%s,\"actor\":%s,\"correlation\":%s}".formatted(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), quote(query), quote(actor),
                quote(exchange.getRequestHeaders().getFirst("X-Correlation-Id"))));
        if ("GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 200, "application/json", "[]");
        } else {
            respond(exchange, 200, "application/json", "{\"status\":\"REPLAYED\",\"resolvedBy\":" + quote(actor) + "}");
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "") + "\"";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
