package io.portage.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./portage demo}: a morning at warehouse WH1 played against the running suite. A web shop submits orders
 * through the gateway with its Keycloak token; order-service stores them and publishes OrderReceived to Kafka;
 * shipment-service plans a shipment for each in its own database; carriers book dock doors at yard-service; finance
 * prices the freight; a change made in Odoo comes back as an ERP event. Everything printed is read back from the services and PostgreSQL.
 */
final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Launcher launcher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private String opsToken;

    Demo(Launcher launcher) {
        this.launcher = launcher;
    }

    void play() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        System.out.println("\n=== A morning at warehouse WH1 (demo run " + run + ") ===\n");
        System.out.println(launcher.odooMode() + "\n");

        String shopToken = token("northwind-shop", "northwind-dev-secret");
        // The demo looks behind the gateway as an operator would: every service verifies this token itself.
        opsToken = token("portage-ops", "portage-ops-dev-secret");
        JsonNode me = get(launcher.url("gateway") + "/api/v1/me", shopToken).body();
        System.out.printf("1. Northwind's shop signs in at Keycloak (client credentials): partner %s, scopes %s%n",
                me.path("partnerId").asText(), me.path("scopes"));

        System.out.println("\n2. The shop submits its overnight orders through the gateway:");
        String[][] customers = {
                {"Ada Lovelace", "12 Dock Road", "Rotterdam", "3011 AA", "NL"},
                {"Grace Hopper", "5 Hafenstrasse", "Hamburg", "20457", "DE"},
                {"Alan Turing", "9 Quai des Docks", "Antwerpen", "2000", "BE"},
                {"Katherine Johnson", "40 Kade", "Amsterdam", "1011 AB", "NL"}};
        Map<String, java.time.Instant> receivedAt = new LinkedHashMap<>();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < customers.length; i++) {
            String externalId = "NW-" + run + "-" + (1001 + i);
            String body = order(externalId, customers[i], i);
            Reply reply = post(launcher.url("gateway") + "/api/v1/orders", shopToken, body, "demo-" + externalId);
            String id = reply.body().path("id").asText();
            orderIds.add(id);
            receivedAt.put(id, java.time.Instant.parse(reply.body().path("receivedAt").asText()));
            System.out.printf("   %s -> %d %s  order %s for %s, %s%n", externalId, reply.status(),
                    reply.status() == 201 ? "Created" : "", id, customers[i][0], customers[i][2]);
        }
        Reply retry = post(launcher.url("gateway") + "/api/v1/orders", shopToken,
                order("NW-" + run + "-1001", customers[0], 0), "demo-retry");
        System.out.printf("   NW-%s-1001 sent again (a retry) -> %d, same order %s: nothing duplicated%n", run, retry.status(),
                retry.body().path("id").asText());

        shopifyOrder(run);
        released(orderIds);

        System.out
                .println("\n3. OrderReceived events travel through Kafka (portage.orders); shipment-service plans shipments:");
        for (String orderId : orderIds) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode shipments;
            do {
                shipments = get(launcher.url("gateway") + "/api/v1/shipments?orderId=" + orderId, shopToken).body();
                if (shipments.size() > 0) {
                    break;
                }
                sleep(50);
            } while (System.nanoTime() < deadline);
            if (shipments.size() == 0) {
                throw new IllegalStateException(
                        "No shipment planned for order " + orderId + " within 30 s; see ./portage logs shipment-service");
            }
            JsonNode shipment = shipments.get(0);
            long travelled = Duration
                    .between(receivedAt.get(orderId), java.time.Instant.parse(shipment.path("plannedAt").asText()))
                    .toMillis();
            System.out.printf(
                    "   order %s -> shipment %s %s to %s (%d lines, %s units), planned %d ms after order-service stored the order%n",
                    orderId.substring(0, 8), shipment.path("id").asText().substring(0, 8), shipment.path("status").asText(),
                    shipment.path("shipTo").path("city").asText(), shipment.path("lineCount").asInt(),
                    shipment.path("totalQuantity").asText(), travelled);
        }

        edgeScans(orderIds);

        System.out.println("\n4. Carriers book dock doors for tomorrow at yard-service (no door is ever double-booked):");
        String dockPrefix = "D" + (Math.abs(run.hashCode()) % 900 + 100);
        book(dockPrefix + "A", "INBOUND", "Swift Freight", "PO-" + run + "-77", tomorrow + "T06:00:00Z",
                tomorrow + "T07:00:00Z");
        book(dockPrefix + "B", "OUTBOUND", "ACME Logistics", "LOAD-" + run + "-12", tomorrow + "T07:00:00Z",
                tomorrow + "T08:30:00Z");
        book(dockPrefix + "A", "INBOUND", "Rapid Haulage", "PO-" + run + "-78", tomorrow + "T06:30:00Z",
                tomorrow + "T07:30:00Z");
        book(dockPrefix + "A", "INBOUND", "Rapid Haulage", "PO-" + run + "-78", tomorrow + "T07:00:00Z",
                tomorrow + "T08:00:00Z");

        System.out.println("\n5. Finance prices the freight with the carrier's rate card:");
        String carrier = "Swift Freight " + run;
        Reply card = post(launcher.url("finance-service") + "/api/v1/rate-cards", opsToken,
                """
                        {"carrier":"%s","originCountry":"NL","destinationCountry":"DE","currency":"EUR",
                         "minimumCharge":45.00,"pricePerKg":0.1850,"validFrom":"%s"}""".formatted(carrier,
                        LocalDate.now(ZoneOffset.UTC).minusDays(30)),
                null);
        System.out.printf("   rate card NL-DE for %s -> %d (EUR 0.185/kg, minimum EUR 45.00)%n", carrier, card.status());
        for (int kg : new int[]{120, 480, 2200}) {
            JsonNode quote = get(launcher.url("finance-service") + "/api/v1/freight-quotes?carrier="
                    + URLEncoder.encode(carrier, StandardCharsets.UTF_8) + "&from=NL&to=DE&weightKg=" + kg, opsToken).body();
            System.out.printf(Locale.ROOT, "   %5d kg NL->DE: %s %.2f%n", kg, quote.path("currency").asText(),
                    quote.path("amount").decimalValue());
        }

        odoo(run);

        System.out.println("\n7. What PostgreSQL holds now (one database per service):");
        PostgresServer postgres = launcher.postgres();
        count(postgres, "orders", "orders.customer_order");
        count(postgres, "shipments", "shipments.shipment");
        count(postgres, "yard", "yard.dock_appointment");
        count(postgres, "finance", "finance.rate_card");
        count(postgres, "orders", "orders.odoo_master_record");
        count(postgres, "gateway", "gateway.outbox_event");

        System.out.printf(
                """

                        Try it yourself:
                          TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=northwind-shop -d client_secret=northwind-dev-secret \\
                            %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                          curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/me
                          ./portage status     ./portage logs shipment-service     ./portage down
                        """,
                launcher.keycloak().issuer(), launcher.url("gateway"));
    }

    /**
     * Pickers scan the released orders' lines at warehouse WH1; the edge agent stores each scan on its disk, then
     * forwards them to the gateway (client edge-wh1), which publishes them on portage.warehouse.
     */
    private void edgeScans(List<String> orderIds) {
        System.out.println(
                "\n   Pickers at WH1 scan the lines; the edge agent keeps each scan on disk and forwards it to the gateway:");
        String edge = launcher.url("edge-agent");
        // The scanners post with their device key; the status page takes the operator's.
        EdgeKeys keys = launcher.edgeKeys();
        long before = get(edge + "/", keys.operator()).body().path("forwarding").path("forwardedSinceStart").asLong();
        List<Map<String, Object>> scans = new ArrayList<>();
        for (String orderId : orderIds) {
            JsonNode order = get(launcher.url("order-service") + "/api/v1/orders/" + orderId, opsToken).body();
            if (!"RELEASED".equals(order.path("status").asText())) {
                continue;
            }
            int line = 0;
            for (JsonNode orderLine : order.path("lines")) {
                line++;
                scans.add(Map.of("type", "scan.pick.confirmed", "key", orderId, "priority", "DISPATCH",
                        "occurredAt", java.time.Instant.now().toString(),
                        "payload",
                        Map.of("lineNumber", line, "sku", orderLine.path("productSku").asText(orderLine.path("sku").asText()),
                                "quantity", orderLine.path("quantity").decimalValue(), "location", "A-0" + line + "-01",
                                "pickerId", "badge-17")));
            }
        }
        if (scans.isEmpty()) {
            System.out.println("   (no released order to pick)");
            return;
        }
        long started = System.nanoTime();
        Reply stored;
        try {
            stored = send(HttpRequest.newBuilder(URI.create(edge + "/api/v1/events/batch"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + keys.device())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(scans)))
                    .build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status;
        do {
            status = get(edge + "/", keys.operator()).body();
            if (status.path("backlog").path("pending").asLong() == 0
                    && status.path("forwarding").path("forwardedSinceStart").asLong() - before >= scans.size()) {
                break;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        System.out.printf(
                "   %d pick scans -> %d stored at the edge; forwarded %d in %d ms (uplink %s, %d waiting, %d dead letters)%n",
                scans.size(), stored.status(), status.path("forwarding").path("forwardedSinceStart").asLong() - before,
                (System.nanoTime() - started) / 1_000_000,
                status.path("forwarding").path("uplinkUp").asBoolean() ? "up" : "down",
                status.path("backlog").path("pending").asLong(), status.path("deadLetters").asLong());
        // The gateway publishes them as PickConfirmed on portage.warehouse; order-service moves each order to PICKED.
        for (String orderId : orderIds) {
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            JsonNode order;
            do {
                order = get(launcher.url("order-service") + "/api/v1/orders/" + orderId, opsToken).body();
                if (!"RELEASED".equals(order.path("status").asText())) {
                    break;
                }
                sleep(100);
            } while (System.nanoTime() < until);
            System.out.printf("   order %s -> %s%n", orderId.substring(0, 8), order.path("status").asText());
        }
    }

    private void book(String dock, String direction, String carrier, String reference, String start, String end) {
        Reply reply = post(launcher.url("yard-service") + "/api/v1/appointments", opsToken, """
                {"site":"WH1","dock":"%s","direction":"%s","carrier":"%s","reference":"%s","slotStart":"%s","slotEnd":"%s"}"""
                .formatted(dock, direction, carrier, reference, start, end), null);
        String outcome = switch (reply.status()) {
            case 201 -> "booked, appointment " + reply.body().path("id").asText().substring(0, 8);
            case 409 -> "refused: " + reply.body().path("detail").asText();
            default -> reply.body().toString();
        };
        System.out.printf("   %-15s %-8s dock %s %s-%s -> %d %s%n", carrier, direction, dock, start.substring(11, 16),
                end.substring(11, 16), reply.status(), outcome);
    }

    /** A second channel: a Shopify shop posts an order as a signed webhook, straight to order-service. */
    private void shopifyOrder(String run) {
        long shopifyId = 5_000_000_000L + Math.abs(run.hashCode() % 1_000_000);
        String body = """
                {"id": %d, "name": "#%s", "email": "linus@example.com",
                 "shipping_address": {"first_name": "Linus", "last_name": "Torvalds", "address1": "Kaivokatu 1",
                   "city": "Helsinki", "zip": "00100", "country_code": "FI"},
                 "line_items": [{"sku": "PT-LAMP-01", "quantity": 2, "title": "Desk Lamp"}]}"""
                .formatted(shopifyId, run);
        String signature;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(Launcher.SHOP_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(launcher.url("order-service") + "/webhooks/shopify/corner-shop"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Hmac-Sha256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Reply reply = send(request);
        System.out.printf("   corner-shop (Shopify webhook, HMAC-signed) order %d -> %d, order %s%n", shopifyId,
                reply.status(), reply.body().path("id").asText());
        shopifyOrderId = reply.body().path("id").asText();
    }

    private String shopifyOrderId;

    /**
     * Each order confirmed in Odoo and released: its Odoo reference and who fulfils it. Against a real Odoo without
     * PORTAGE_ODOO_WRITE the hand-over is off: the orders stay accepted and nothing is written there; with it, the demo
     * lists what it wrote.
     */
    private void released(List<String> orderIds) {
        List<String> all = new ArrayList<>(orderIds);
        if (shopifyOrderId != null && !shopifyOrderId.isEmpty()) {
            all.add(shopifyOrderId);
        }
        if (!launcher.odooWrites()) {
            System.out.printf("%n   The Odoo at %s is read only for this demo: the %d orders stay ACCEPTED in order-service "
                    + "and nothing is written there (PORTAGE_ODOO_WRITE=true lets order-service write them).%n",
                    launcher.odooUrl(), all.size());
            return;
        }
        System.out.println(
                "\n   order-service confirms each order in Odoo (customer, sale order, confirmation) and releases it:");
        List<String> written = new ArrayList<>();
        for (String orderId : all) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode order;
            do {
                order = get(launcher.url("order-service") + "/api/v1/orders/" + orderId, opsToken).body();
                String status = order.path("status").asText();
                if (!status.equals("RECEIVED") && !status.equals("ACCEPTED")) {
                    break;
                }
                sleep(100);
            } while (System.nanoTime() < deadline);
            System.out.printf("   %-14s %-34s -> %-9s Odoo %-8s to %s %s%s%n", order.path("channel").asText(),
                    order.path("externalId").asText(), order.path("status").asText(),
                    order.path("odoo").path("name").asText("-"), order.path("fulfiller").path("type").asText("-"),
                    order.path("fulfiller").path("id").asText(""),
                    order.path("holdReason").isTextual() ? " (" + order.path("holdReason").asText() + ")" : "");
            if (order.path("odoo").path("name").isTextual()) {
                written.add(order.path("odoo").path("name").asText() + " (client_order_ref " + order.path("channel").asText()
                        + ":" + order.path("externalId").asText() + ")");
            }
        }
        if (launcher.realOdoo().isPresent()) {
            System.out.printf("   Written into the real Odoo at %s: %d confirmed sale orders with their customers "
                    + "(found or created by ref): %s%n", launcher.odooUrl(), written.size(), String.join(", ", written));
        }
    }

    private static String order(String externalId, String[] customer, int variant) {
        String[][] lines = {{"PT-CHAIR-01", "2"}, {"PT-DESK-01", "1"}, {"PT-LAMP-01", "4"}, {"PT-CABLE-01", "1"}};
        StringBuilder items = new StringBuilder();
        for (int i = 0; i <= variant % lines.length; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(lines[i][0])
                    .append("\",\"quantity\":")
                    .append(lines[i][1])
                    .append('}');
        }
        return """
                {"channel":"northwind-shop","externalId":"%s","warehouse":"WH1",
                 "customer":{"name":"%s","email":null,"address":{"street":"%s","city":"%s","postalCode":"%s","country":"%s"}},
                 "lines":[%s]}""".formatted(externalId, customer[0], customer[1], customer[2], customer[3], customer[4], items);
    }

    private static void count(PostgresServer postgres, String database, String table) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            System.out.printf("   %-24s %5d rows%n", table, result.getLong(1));
        } catch (SQLException e) {
            System.out.printf("   %-24s unreadable: %s%n", table, e.getMessage());
        }
    }

    /**
     * Odoo beside the suite: order-service's cache of Odoo's master data, and a change made in Odoo (an order a sales
     * rep confirms there) coming back as an ERP event through the webhook fast path. A real Odoo is only read.
     */
    private void odoo(String run) {
        System.out.printf("%n6. Odoo (%s): order-service caches its master data and turns its changes into events:%n",
                launcher.realOdoo().isPresent() ? launcher.odooUrl() : "the stand-in, Odoo 18.0");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status;
        do {
            status = get(launcher.url("order-service") + "/ops/odoo-sync", opsToken).body();
            if (loaded(status)) {
                break;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        for (JsonNode model : status) {
            if ("master".equals(model.path("kind").asText())) {
                System.out.printf("   %-17s %4d cached (%d active), polled %s s ago%s%n", model.path("model").asText(),
                        model.path("cached").asLong(), model.path("cachedActive").asLong(),
                        model.path("ageSeconds").isNull() ? "-" : model.path("ageSeconds").asText(),
                        model.path("lastError").isNull() ? "" : ", last error: " + model.path("lastError").asText());
            }
        }
        if (launcher.realOdoo().isPresent()) {
            System.out.println("   (a real Odoo is configured: this step only reads it)");
            return;
        }
        String rpc = launcher.odooUrl() + "/jsonrpc";
        long uid = rpc(rpc, "common", "login", List.of(Launcher.ODOO_DATABASE, Launcher.ODOO_LOGIN,
                Launcher.ODOO_API_KEY)).asLong();
        long order = rpc(rpc, "object", "execute_kw", List.of(Launcher.ODOO_DATABASE, uid, Launcher.ODOO_API_KEY,
                "sale.order", "create", List.of(Map.of("partner_id", 3, "client_order_ref", "PHONE-" + run, "order_line",
                        List.of(List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 3)))))))
                .asLong();
        rpc(rpc, "object", "execute_kw", List.of(Launcher.ODOO_DATABASE, uid, Launcher.ODOO_API_KEY, "sale.order",
                "action_confirm", List.of(List.of(order))));
        long confirmed = System.nanoTime();
        Reply hook = post(launcher.url("order-service") + "/odoo/webhook?token=" + Launcher.ODOO_WEBHOOK_TOKEN, null,
                "{\"_model\":\"sale.order\",\"_id\":" + order + ",\"_action\":\"Send Webhook Notification(#1)\"}", null);
        System.out.printf("   a sales rep confirms order PHONE-%s in Odoo (sale.order %d); Odoo's webhook -> %d %s%n", run,
                order, hook.status(), hook.body().path("status").asText());
        String event = awaitErpEvent("sale.order/" + order);
        System.out.printf("   -> %s staged for portage.erp %d ms later (read back from Odoo after the webhook delay;"
                + " the 10 s poller is the safety net)%n", event, (System.nanoTime() - confirmed) / 1_000_000);
    }

    private static boolean loaded(JsonNode status) {
        if (!status.isArray() || status.isEmpty()) {
            return false;
        }
        for (JsonNode model : status) {
            if (model.path("lastAttemptAt").isNull()) {
                return false;
            }
        }
        return true;
    }

    private String awaitErpEvent(String subject) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        PostgresServer postgres = launcher.postgres();
        do {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("orders"), PostgresServer.USER, "");
                    java.sql.PreparedStatement statement = connection.prepareStatement(
                            "select type from orders.outbox_event where subject = ? and type like 'io.portage.erp.%'")) {
                statement.setString(1, subject);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next()) {
                        return result.getString(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read order-service's outbox: " + e.getMessage(), e);
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("No ERP event for " + subject + " within 30 s; see ./portage logs order-service");
    }

    /** One JSON-RPC call to Odoo; an Odoo error becomes an exception with Odoo's message. */
    private JsonNode rpc(String url, String service, String method, List<?> args) {
        try {
            String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "method", "call", "id", 1, "params",
                    Map.of("service", service, "method", method, "args", args)));
            JsonNode reply = post(url, null, body, null).body();
            if (reply.has("error")) {
                throw new IllegalStateException("Odoo refused " + method + ": " + reply.path("error")
                        .path("data")
                        .path("message")
                        .asText(reply.path("error").toString()));
            }
            return reply.path("result");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    record Reply(int status, JsonNode body) {
    }

    private String token(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(launcher.keycloak().issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Reply reply = send(request);
        if (reply.status() != 200) {
            throw new IllegalStateException("Keycloak refused " + clientId + ": " + reply.body());
        }
        return reply.body().path("access_token").asText();
    }

    private Reply get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Reply post(String url, String token, String body, String correlationId) {
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

    private Reply send(HttpRequest request) {
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
