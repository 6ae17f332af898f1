package io.portage.stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
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

/**
 * {@code ./portage demo}: a morning at warehouse WH1 played against the running suite. A web shop submits orders
 * through the gateway with its Keycloak token; order-service stores them and publishes OrderReceived to Kafka;
 * shipment-service plans a shipment for each in its own database; carriers book dock doors at yard-service; finance
 * prices the freight; a change made in Odoo comes back as an ERP event. Everything printed is read back from the services and PostgreSQL.
 */
final class Demo {

    private final Launcher launcher;
    private final DemoHttp web;

    private String opsToken;

    /**
     * The demo's customers: name, e-mail, street, city, postal code, country; the first four order through the gateway,
     * the last through the Shopify webhook. Personal data: no service may log it (DemoIT searches the logs for it).
     */
    static final String[][] CUSTOMERS = {
            {"Ada Lovelace", "ada.lovelace@example.com", "12 Dock Road", "Rotterdam", "3011 AA", "NL"},
            {"Grace Hopper", "grace.hopper@example.com", "5 Hafenstrasse", "Hamburg", "20457", "DE"},
            {"Alan Turing", "alan.turing@example.com", "9 Quai des Docks", "Antwerpen", "2000", "BE"},
            {"Katherine Johnson", "katherine.johnson@example.com", "40 Kade", "Amsterdam", "1011 AB", "NL"}};
    /** The Shopify shop's customer, as {@link #CUSTOMERS}. */
    static final String[] SHOP_CUSTOMER = {"Linus Torvalds", "linus@example.com", "Kaivokatu 1", "Helsinki", "00100", "FI"};
    /** The customer whose order warehouse WH2 (the 3PL, over EDI) ships, as {@link #CUSTOMERS}. */
    static final String[] WH2_CUSTOMER = {"Edsger Dijkstra", "edsger.dijkstra@example.com", "1 Plantage Muidergracht",
            "Amsterdam", "1018 TV", "NL"};

    Demo(Launcher launcher) {
        this.launcher = launcher;
        this.web = new DemoHttp(() -> launcher.keycloak().issuer());
    }

    void play() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        System.out.println("\n=== A morning at warehouse WH1 (demo run " + run + ") ===\n");
        System.out.println(launcher.odooMode() + "\n");

        String shopToken = web.token("northwind-shop", "northwind-dev-secret");
        // The demo looks behind the gateway as an operator would: every service verifies this token itself.
        opsToken = web.token("portage-ops", "portage-ops-dev-secret");
        JsonNode me = web.get(launcher.url("gateway") + "/api/v1/me", shopToken).body();
        System.out.printf("1. Northwind's shop signs in at Keycloak (client credentials): partner %s, scopes %s%n",
                me.path("partnerId").asText(), me.path("scopes"));

        System.out.println("\n2. The shop submits its overnight orders through the gateway:");
        String[][] customers = CUSTOMERS;
        Map<String, java.time.Instant> receivedAt = new LinkedHashMap<>();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < customers.length; i++) {
            String externalId = "NW-" + run + "-" + (1001 + i);
            String body = order(externalId, customers[i], i);
            DemoHttp.Reply reply = web.post(launcher.url("gateway") + "/api/v1/orders", shopToken, body, "demo-" + externalId);
            String id = reply.body().path("id").asText();
            orderIds.add(id);
            receivedAt.put(id, java.time.Instant.parse(reply.body().path("receivedAt").asText()));
            System.out.printf("   %s -> %d %s  order %s for %s, %s%n", externalId, reply.status(),
                    reply.status() == 201 ? "Created" : "", id, customers[i][0], customers[i][3]);
        }
        DemoHttp.Reply retry = web.post(launcher.url("gateway") + "/api/v1/orders", shopToken,
                order("NW-" + run + "-1001", customers[0], 0), "demo-retry");
        System.out.printf("   NW-%s-1001 sent again (a retry) -> %d, same order %s: nothing duplicated%n", run, retry.status(),
                retry.body().path("id").asText());

        shopifyOrder(run);
        released(orderIds);

        System.out
                .println(
                        "\n3. OrderReleased events travel through Kafka (portage.orders); shipment-service plans a shipment for each released order:");
        for (String orderId : orderIds) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode shipments;
            do {
                shipments = web.get(launcher.url("gateway") + "/api/v1/shipments?orderId=" + orderId, shopToken).body();
                if (shipments.size() > 0) {
                    break;
                }
                DemoHttp.sleep(50);
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

        new EdgeScans(launcher, web, opsToken).play(orderIds);
        List<ParcelDay.Dispatched> dispatched = new ParcelDay(launcher, web, opsToken).play(orderIds);

        System.out.println("\n4. Carriers book dock doors for tomorrow at yard-service (no door is ever double-booked), and the"
                + " TMS plans a pickup:");
        String dockPrefix = "D" + (Math.abs(run.hashCode()) % 900 + 100);
        defineDocks(dockPrefix + "A", dockPrefix + "B");
        book(dockPrefix + "A", "INBOUND", "Swift Freight", "PO-" + run + "-77", tomorrow + "T06:00:00Z",
                tomorrow + "T07:00:00Z");
        book(dockPrefix + "B", "OUTBOUND", "ACME Logistics", "LOAD-" + run + "-12", tomorrow + "T07:00:00Z",
                tomorrow + "T08:30:00Z");
        book(dockPrefix + "A", "INBOUND", "Rapid Haulage", "PO-" + run + "-78", tomorrow + "T06:30:00Z",
                tomorrow + "T07:30:00Z");
        book(dockPrefix + "A", "INBOUND", "Rapid Haulage", "PO-" + run + "-78", tomorrow + "T07:00:00Z",
                tomorrow + "T08:00:00Z");
        new LoadPlanningStep(launcher, web, opsToken).play(shopifyOrderId, tomorrow);
        new InboundTruck(launcher, web, opsToken).play(run, dockPrefix + "A", dockPrefix + "B", tomorrow);

        System.out.println("\n5. Finance prices the freight with the carrier's rate card:");
        String carrier = "Swift Freight " + run;
        DemoHttp.Reply card = web.post(launcher.url("finance-service") + "/api/v1/rate-cards", opsToken,
                """
                        {"carrier":"%s","originCountry":"NL","destinationCountry":"DE","currency":"EUR",
                         "minimumCharge":45.00,"pricePerKg":0.1850,"validFrom":"%s"}""".formatted(carrier,
                        LocalDate.now(ZoneOffset.UTC).minusDays(30)),
                null);
        System.out.printf("   rate card NL-DE for %s -> %d (EUR 0.185/kg, minimum EUR 45.00)%n", carrier, card.status());
        for (int kg : new int[]{120, 480, 2200}) {
            JsonNode quote = web.get(launcher.url("finance-service") + "/api/v1/freight-quotes?carrier="
                    + URLEncoder.encode(carrier, StandardCharsets.UTF_8) + "&from=NL&to=DE&weightKg=" + kg, opsToken).body();
            System.out.printf(Locale.ROOT, "   %5d kg NL->DE: %s %.2f%n", kg, quote.path("currency").asText(),
                    quote.path("amount").decimalValue());
        }

        new OdooStep(launcher, web, opsToken).play(run);
        new EdiExchange(launcher, web, opsToken).play(run, shopToken);
        // The operator's service account also has the realm role finance.
        new FinanceStep(launcher, web, opsToken).play(run, dispatched);

        System.out.println("\n9. What PostgreSQL holds now (one database per service):");
        PostgresServer postgres = launcher.postgres();
        count(postgres, "orders", "orders.customer_order");
        count(postgres, "shipments", "shipments.shipment");
        count(postgres, "yard", "yard.dock_appointment");
        count(postgres, "finance", "finance.rate_card");
        count(postgres, "finance", "finance.carrier_charge");
        count(postgres, "edi", "edi.edi_file");
        count(postgres, "orders", "orders.odoo_master_record");
        count(postgres, "gateway", "gateway.outbox_event");

        System.out.println("\n10. The backlogs that cost money, as the console shows them (through the gateway):");
        backlogs();

        System.out.printf(
                """

                        The day's exceptions wait in the operations console at %s
                          (the delivery exception, the disputed charges; sign in as ops.alice / alice-dev-password, or
                          finance.fiona / fiona-dev-password and warehouse.walt / walt-dev-password to see only your own)

                        Try it yourself:
                          TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=northwind-shop -d client_secret=northwind-dev-secret \\
                            %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                          curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/me
                          ./portage status     ./portage logs shipment-service     ./portage down
                        """,
                launcher.url("console"), launcher.keycloak().issuer(), launcher.url("gateway"));
    }

    /**
     * The site's rules are data an operator keeps at yard-service: WH1 opens 05:00-22:00 UTC every day on a 15-minute
     * grid; this run adds its two docks, one door each, to those of earlier runs, and the outbound dock where
     * shipment-service books the pickups the TMS plans ({@link Launcher#OUTBOUND_DOCK}) is kept.
     */
    private void defineDocks(String... docks) {
        String site = launcher.url("yard-service") + "/ops/yard/sites/WH1";
        DemoHttp.Reply current = web.get(site, opsToken);
        com.fasterxml.jackson.databind.node.ObjectNode definition;
        if (current.status() == 200) {
            definition = (com.fasterxml.jackson.databind.node.ObjectNode) current.body();
        } else {
            definition = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            definition.put("timeZone", "UTC").put("slotMinutes", 15);
            var hours = definition.putArray("openingHours");
            for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
                hours.addObject().put("day", day.name()).put("opens", "05:00").put("closes", "22:00");
            }
        }
        var defined = definition.withArray("docks");
        for (int i = defined.size() - 1; i >= 0; i--) {
            if (defined.get(i).path("code").asText().equals(Launcher.OUTBOUND_DOCK)) {
                defined.remove(i);
            }
        }
        while (defined.size() > 200 - docks.length - 1) {
            defined.remove(0); // a site holds at most 200 docks: the oldest runs' go first
        }
        for (String dock : docks) {
            var entry = defined.addObject().put("code", dock);
            entry.putArray("doors").addObject().put("code", dock + "-1");
        }
        defined.addObject()
                .put("code", Launcher.OUTBOUND_DOCK)
                .putArray("doors")
                .addObject()
                .put("code", Launcher.OUTBOUND_DOCK + "-1");
        DemoHttp.Reply reply = web.put(site, opsToken, definition.toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("Defining WH1's docks failed: " + reply.status() + " " + reply.body());
        }
        System.out.printf("   An operator adds docks %s (one door each) to site WH1, beside its outbound dock %s: open "
                + "05:00-22:00 UTC, 15-minute slots%n", String.join(" and ", docks), Launcher.OUTBOUND_DOCK);
    }

    private void book(String dock, String direction, String carrier, String reference, String start, String end) {
        DemoHttp.Reply reply = web.post(launcher.url("yard-service") + "/api/v1/appointments", opsToken, """
                {"site":"WH1","dock":"%s","direction":"%s","carrier":"%s","reference":"%s","slotStart":"%s","slotEnd":"%s"}"""
                .formatted(dock, direction, carrier, reference, start, end), null);
        String outcome = switch (reply.status()) {
            case 201 -> "booked, appointment " + reply.body().path("id").asText().substring(0, 8);
            case 409, 422 -> "refused: " + reply.body().path("detail").asText();
            default -> reply.body().toString();
        };
        System.out.printf("   %-15s %-8s dock %s %s-%s -> %d %s%n", carrier, direction, dock, start.substring(11, 16),
                end.substring(11, 16), reply.status(), outcome);
    }

    /** A second channel: a Shopify shop posts an order as a signed webhook, straight to order-service. */
    private void shopifyOrder(String run) {
        long shopifyId = 5_000_000_000L + Math.abs(run.hashCode() % 1_000_000);
        String body = """
                {"id": %d, "name": "#%s", "email": "%s",
                 "shipping_address": {"first_name": "%s", "last_name": "%s", "address1": "%s",
                   "city": "%s", "zip": "%s", "country_code": "%s"},
                 "line_items": [{"sku": "PT-LAMP-01", "quantity": 2, "title": "Desk Lamp"}]}"""
                .formatted(shopifyId, run, SHOP_CUSTOMER[1], SHOP_CUSTOMER[0].split(" ")[0],
                        SHOP_CUSTOMER[0].split(" ")[1], SHOP_CUSTOMER[2], SHOP_CUSTOMER[3], SHOP_CUSTOMER[4],
                        SHOP_CUSTOMER[5]);
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
        DemoHttp.Reply reply = web.send(request);
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
                order = web.get(launcher.url("order-service") + "/api/v1/orders/" + orderId, opsToken).body();
                String status = order.path("status").asText();
                if (!status.equals("RECEIVED") && !status.equals("ACCEPTED")) {
                    break;
                }
                DemoHttp.sleep(100);
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
                 "customer":{"name":"%s","email":"%s","address":{"street":"%s","city":"%s","postalCode":"%s","country":"%s"}},
                 "lines":[%s]}""".formatted(externalId, customer[0], customer[1], customer[2], customer[3], customer[4],
                customer[5], items);
    }

    /** Each service's backlogs with waiting items, read as an operator through the gateway's operations relay. */
    private void backlogs() {
        int waiting = 0;
        for (String service : List.of("order-service", "yard-service", "shipment-service", "finance-service")) {
            DemoHttp.Reply reply = web.get(launcher.url("gateway") + "/api/v1/ops/" + service + "/backlogs", opsToken);
            if (reply.status() != 200) {
                throw new IllegalStateException("Reading " + service + "'s backlogs failed: " + reply.status() + " "
                        + reply.body());
            }
            for (JsonNode backlog : reply.body()) {
                if (backlog.path("count").asLong() > 0) {
                    waiting++;
                    System.out.printf("   %-17s %-30s %3d waiting, the oldest for %s s (%s)%n", service,
                            backlog.path("name").asText(), backlog.path("count").asLong(),
                            backlog.path("oldestAgeSeconds").asText(), backlog.path("ownerRole").asText());
                }
            }
        }
        if (waiting == 0) {
            System.out.println("   nothing waits");
        }
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
}
