package io.portage.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for order-service, shipment-service, yard-service and finance-service's carrier invoices in the gateway's component tests (the end-to-end tests
 * run the real ones). It answers like them and records what the gateway sent; {@code GET /__requests} lists the
 * recorded requests. Every request is checked against the service's published OpenAPI document ({@link ServiceApis}):
 * a method, path or query parameter the service does not offer is answered 404, and an answer of the stub's whose
 * status the service does not declare becomes a 500, so a test relying on a call or answer the real service would not
 * give fails. An order id starting with {@code 00000000} belongs to partner "other"; {@code "externalId":"BOOM"} answers
 * 500. Under {@code /ops} it stands in for the event kit's operations API, under {@code /ops/yard} for yard-service's
 * yard board.
 */
public class StubOrderService implements QuarkusTestResourceLifecycleManager {

    /** While a request is handled: the statuses its operation declares (never sent). */
    private static final String DECLARED = "X-Stub-Declared-Statuses";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/orders", exchange -> checked(exchange, "order-service", this::orders));
        server.createContext("/ops", exchange -> checked(exchange, "order-service", this::ops));
        server.createContext("/ops/yard", exchange -> checked(exchange, "yard-service", this::ops));
        server.createContext("/api/v1/shipments",
                exchange -> checked(exchange, "shipment-service", e -> partnerRecords(e, "shipments")));
        server.createContext("/api/v1/appointments",
                exchange -> checked(exchange, "yard-service", e -> partnerRecords(e, "appointments")));
        server.createContext("/api/v1/carrier-invoices",
                exchange -> checked(exchange, "finance-service", this::carrierInvoices));
        server.createContext("/__requests", exchange -> respond(exchange, 200, "application/json",
                "[" + String.join(",", requests) + "]"));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("portage.gateway.downstreams.order-service.url", url,
                "portage.gateway.downstreams.shipment-service.url", url, "portage.gateway.downstreams.yard-service.url",
                url, "portage.gateway.downstreams.finance-service.url", url, "stub.order-service.url", url);
    }

    /**
     * Handles a request only if {@code service}'s API offers it (method, path, query parameters); the stub's answer must
     * be a status the operation declares (failures of 500 and above are the tests' own).
     */
    private static void checked(HttpExchange exchange, String service, HttpHandler handler) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        var operation = ServiceApis.operation(service, method, path);
        String query = exchange.getRequestURI().getRawQuery();
        List<String> unknown = query == null
                ? List.of()
                : Arrays.stream(query.split("&"))
                        .map(pair -> pair.split("=", 2)[0])
                        .filter(name -> operation.isEmpty() || !operation.get().declares("query", name))
                        .toList();
        if (operation.isEmpty() || !unknown.isEmpty()) {
            respond(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not in " + service + "'s API: "
                    + method + " " + path + " " + unknown + "\"}");
            return;
        }
        exchange.getResponseHeaders().add(DECLARED, String.join(",", declared(operation.get())));
        handler.handle(exchange);
    }

    private static List<String> declared(ServiceApis.Operation operation) {
        List<String> statuses = new ArrayList<>();
        operation.node().path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private void orders(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        // Like order-service: the partner is the relayed token's, whatever headers come with it.
        String partner = claim(exchange, "partner_id");
        String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        requests.add(
                "{\"method\":\"%s\",\"path\":\"%s\",\"partner\":%s,\"partnerHeader\":%s,\"correlation\":%s,\"traceparent\":%s}"
                        .formatted(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), quote(partner),
                                quote(exchange.getRequestHeaders().getFirst("X-Portage-Partner-Id")), quote(correlation),
                                quote(exchange.getRequestHeaders().getFirst("traceparent"))));
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

    /**
     * shipment-service's and yard-service's partner APIs: records the call; a record whose id starts with 00000000
     * belongs to "other" (as if the service had let it through), ids starting with 5 fail with a 503, ids starting with
     * 6 fail with a 503 the first time only, any other id
     * belongs to the token's partner; a list answers one record of the token's partner; a POST books for it.
     */
    /** A shipment's signature image as shipment-service serves it: a PNG's first bytes and bytes no text keeps intact. */
    static final byte[] SIGNATURE_PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xFF, 0, (byte) 0xC3, 0x28};

    private void partnerRecords(HttpExchange exchange, String resource) throws IOException {
        String partner = claim(exchange, "partner_id");
        String path = exchange.getRequestURI().getPath();
        requests.add("{\"method\":\"%s\",\"path\":\"%s\",\"query\":%s,\"partner\":%s,\"correlation\":%s}".formatted(
                exchange.getRequestMethod(), path, quote(exchange.getRequestURI().getRawQuery()), quote(partner),
                quote(exchange.getRequestHeaders().getFirst("X-Correlation-Id"))));
        String base = "/api/v1/" + resource;
        if ("POST".equals(exchange.getRequestMethod())) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", base + "/3f0c2a4e-0000-4000-8000-0000000000a1");
            respond(exchange, 201, "application/json",
                    "{\"id\":\"3f0c2a4e-0000-4000-8000-0000000000a1\",\"partnerId\":" + quote(partner) + "}");
        } else if (path.equals(base)) {
            respond(exchange, 200, "application/json", "[{\"id\":\"3f0c2a4e-0000-4000-8000-0000000000b1\",\"partnerId\":"
                    + quote(partner) + "}]");
        } else if (path.endsWith("/proof-of-delivery/signature")) {
            exchange.getResponseHeaders().remove(DECLARED);
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, SIGNATURE_PNG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(SIGNATURE_PNG);
            }
        } else {
            String id = path.substring(base.length() + 1);
            if (id.startsWith("5") || (id.startsWith("6") && failedOnce.add(id))) {
                respond(exchange, 503, "application/problem+json", "{\"status\":503}");
                return;
            }
            String owner = id.startsWith("00000000") ? "\"other\"" : quote(partner);
            respond(exchange, 200, "application/json", "{\"id\":\"" + id + "\",\"partnerId\":" + owner + "}");
        }
    }

    /** finance-service's carrier invoices: records the call, answers a batch received for the token's carrier. */
    private void carrierInvoices(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String partner = claim(exchange, "partner_id");
        requests.add("{\"method\":\"%s\",\"path\":\"%s\",\"partner\":%s,\"correlation\":%s}".formatted(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), quote(partner),
                quote(exchange.getRequestHeaders().getFirst("X-Correlation-Id"))));
        respond(exchange, 202, "application/json", "{\"id\":\"7f0c2a4e-0000-4000-8000-0000000000f1\",\"source\":\"API\","
                + "\"status\":\"AUDITING\",\"totalLines\":1,\"auditedLines\":0,\"receivedBy\":" + quote(partner) + "}");
    }

    /** The event kit's operations API: records the call, answers an empty list or the acted-on record. */
    private void ops(HttpExchange exchange) throws IOException {
        // Like the event kit: the operator is named by the relayed token.
        String actor = claim(exchange, "preferred_username");
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

    /** A claim of the relayed bearer token (read, not verified: the services' own tests verify). */
    private static String claim(HttpExchange exchange, String name) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path(name).asText(null);
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "") + "\"";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        String declared = exchange.getResponseHeaders().getFirst(DECLARED);
        exchange.getResponseHeaders().remove(DECLARED);
        if (declared != null && status < 500 && !List.of(declared.split(",")).contains(Integer.toString(status))) {
            body = "{\"status\":500,\"title\":\"The stub answered " + status + ", which the service does not declare: "
                    + declared + "\"}";
            status = 500;
        }
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
