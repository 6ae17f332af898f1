package io.portage.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's inbound truck at WH1, tomorrow: a purchase order in Odoo, the carrier's booking through the gateway checked
 * against it, the gate, dock and receipt scans through the edge agent, a receipt two cartons short held for a person,
 * the approval that writes the receipt (and its backorder) into Odoo, and the detention charged at gate-out. The scans
 * carry tomorrow's times: the demo plays the truck's day ahead.
 */
final class InboundTruck {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The stand-in's vendor and its PT-LAMP-01 product (odoo-standin's seed). */
    private static final int VENDOR = 4;
    private static final int LAMP = 3;

    private final Launcher launcher;
    private final DemoHttp web;
    private final String opsToken;

    InboundTruck(Launcher launcher, DemoHttp web, String opsToken) {
        this.launcher = launcher;
        this.web = web;
        this.opsToken = opsToken;
    }

    void play(String run, String dock, String otherDock, LocalDate day) {
        System.out.println("\n   An inbound truck, tomorrow 08:00 at dock " + dock + ":");
        if (launcher.realOdoo().isPresent()) {
            System.out.println("   (a real Odoo is configured: the demo writes no purchase order or receipt there)");
            return;
        }
        String purchaseOrder = purchaseOrder(day);
        System.out.printf("   WH1's buyer confirms purchase order %s in Odoo: 20 x PT-LAMP-01 from the vendor%n",
                purchaseOrder);

        String yard = launcher.url("yard-service");
        DemoHttp.Reply terms = web.put(yard + "/ops/yard/carriers/swift/detention", opsToken,
                "{\"freeMinutes\":60,\"hourlyRate\":40.00,\"currency\":\"EUR\",\"roundingMinutes\":15}");
        require(terms, 200, "detention terms");
        String swift = web.token("swift-carrier", "swift-dev-secret");
        DemoHttp.Reply booked = web.post(launcher.url("gateway") + "/api/v1/appointments", swift, """
                {"site":"WH1","dock":"%s","direction":"INBOUND","carrier":"Swift Freight","reference":"ASN-%s",
                 "slotStart":"%sT08:00:00Z","slotEnd":"%sT09:00:00Z","purchaseOrders":["%s"]}"""
                .formatted(dock, run, day, day, purchaseOrder), null);
        require(booked, 201, "Swift's booking");
        String appointment = booked.body().path("id").asText();
        System.out.printf("   Swift Freight books it through the gateway (its own token), purchase order checked in Odoo"
                + " -> %s, door %s; detention for Swift: 60 free minutes, then EUR 40.00/h by the quarter hour%n",
                booked.body().path("status").asText(), booked.body().path("door").asText());

        DemoHttp.Reply eta = web.post(launcher.url("gateway") + "/api/v1/appointments/" + appointment + "/eta", swift, """
                {"source":"TELEMATICS","estimatedArrival":"%sT07:55:00Z"}""".formatted(day), null);
        require(eta, 200, "Swift's estimated arrival");
        System.out.printf("   the truck's telematics expects it at 07:55 -> on time (at risk since: %s)%n",
                eta.body().path("atRiskSince").isNull() ? "never" : eta.body().path("atRiskSince").asText());

        String visit = "V-" + run;
        String receipt = "ASN-" + run;
        scan(List.of(
                scan("scan.gate.in", visit, day + "T07:55:00Z", Map.of("appointmentRef", appointment, "trailerNumber",
                        "SWFU 7001", "sealNumber", "SEAL-" + run, "carrier", "Swift Freight")),
                scan("scan.dock.unloading-started", visit, day + "T08:10:00Z", Map.of()),
                scan("scan.dock.unloading-completed", visit, day + "T09:20:00Z", Map.of()),
                scan("scan.receipt.confirmed", receipt, day + "T09:20:00Z", Map.of("lineNumber", 1, "sku", "PT-LAMP-01",
                        "expectedQuantity", 20, "receivedQuantity", 18, "shortQuantity", 2, "appointmentId",
                        appointment))));
        JsonNode atDoor = await(() -> web.get(yard + "/ops/yard/sites/WH1/visits/" + visit, opsToken).body(),
                v -> "COMPLETED".equals(v.path("status").asText()), "the visit to be unloaded");
        System.out.printf("   gate-in 07:55, unloading 08:10-09:20 at door %s (%s), scanned at the edge agent%n",
                atDoor.path("door").asText(), atDoor.path("doorSource").asText());

        JsonNode line = find(await(() -> web.get(yard + "/ops/yard/receipts?site=WH1&status=EXCEPTION", opsToken).body(),
                lines -> find(lines, receipt) != null, "the short receipt's exception"), receipt);
        System.out.printf("   the receiver confirms 18 of 20 -> exception %s for a person, nothing written to Odoo yet"
                + " (evidence: %s)%n", line.path("discrepancy").asText(), line.path("evidence").asText());

        require(web.post(yard + "/ops/yard/receipts/" + receipt + "/lines/1/approve", opsToken, "{}", null), 200,
                "the approval");
        JsonNode order = await(() -> readPurchaseOrder(purchaseOrder),
                o -> o.path("picking_ids").size() == 2, "the receipt in Odoo");
        System.out.printf("   an operator approves it -> Odoo receipt validated with 18 received, a backorder for the"
                + " 2 short (purchase order %s now has %d pickings)%n", purchaseOrder, order.path("picking_ids").size());

        lateTruck(run, otherDock, day, swift);

        scan(List.of(scan("scan.gate.out", visit, day + "T09:40:00Z", Map.of())));
        String charge = await(() -> detention(appointment), found -> !found.isEmpty(), "the detention charge");
        System.out.printf("   gate-out 09:40 -> io.portage.yard.detention-charged.v2 for finance: %s%n", charge);
    }

    /** A second Swift truck whose telematics says it will miss its 11:00 slot: the yard is told before the slot. */
    private void lateTruck(String run, String dock, LocalDate day, String swift) {
        DemoHttp.Reply booked = web.post(launcher.url("gateway") + "/api/v1/appointments", swift, """
                {"site":"WH1","dock":"%s","direction":"INBOUND","carrier":"Swift Freight","reference":"ASN-%s-2",
                 "slotStart":"%sT11:00:00Z","slotEnd":"%sT12:00:00Z"}""".formatted(dock, run, day, day), null);
        require(booked, 201, "Swift's second booking");
        String appointment = booked.body().path("id").asText();
        DemoHttp.Reply eta = web.post(launcher.url("gateway") + "/api/v1/appointments/" + appointment + "/eta", swift, """
                {"source":"TELEMATICS","estimatedArrival":"%sT12:10:00Z"}""".formatted(day), null);
        require(eta, 200, "the late truck's estimated arrival");
        JsonNode item = await(() -> web.get(launcher.url("yard-service")
                + "/ops/exceptions?type=yard.appointment-at-risk&status=OPEN&limit=1000", opsToken).body(),
                items -> find(items, "businessKey", appointment) != null, "the at-risk item");
        System.out.printf("   a second Swift truck (11:00 at dock %s) reports 12:10 -> at risk before its slot,"
                + " io.portage.yard.appointment-at-risk.v1 and an item for the yard: %s%n", dock,
                find(item, "businessKey", appointment).path("summary").asText());
    }

    private String purchaseOrder(LocalDate day) {
        long id = execute("purchase.order", "create", List.of(Map.of("partner_id", VENDOR, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", LAMP, "product_qty", 20, "price_unit", 10, "date_planned",
                        day + " 08:00:00"))))))
                .asLong();
        execute("purchase.order", "button_confirm", List.of(List.of(id)));
        return execute("purchase.order", "read", List.of(List.of(id), List.of("name"))).path(0)
                .path("name")
                .asText();
    }

    private JsonNode readPurchaseOrder(String name) {
        return execute("purchase.order", "search_read",
                List.of(List.of(List.of("name", "=", name)), List.of("name", "picking_ids"))).path(0);
    }

    private JsonNode execute(String model, String method, List<?> args) {
        return OdooStep.execute(web, launcher, model, method, args);
    }

    private static Map<String, Object> scan(String type, String key, String at, Map<String, Object> payload) {
        return Map.of("type", type, "key", key, "occurredAt", at, "payload", payload);
    }

    /** Scans into the edge agent with the scanners' device key; the agent forwards them to the gateway. */
    private void scan(List<Map<String, Object>> scans) {
        try {
            DemoHttp.Reply stored = web.send(HttpRequest
                    .newBuilder(URI.create(launcher.url("edge-agent") + "/api/v1/events/batch"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + launcher.edgeKeys().device())
                    .POST(HttpRequest.BodyPublishers.ofString(DemoHttp.JSON.writeValueAsString(scans)))
                    .build());
            require(stored, 202, "the edge agent's intake");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode find(JsonNode lines, String receipt) {
        return find(lines, "receiptId", receipt);
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }

    /** The detention event yard-service staged in its outbox for the appointment: minutes and amount, or "". */
    private String detention(String appointment) {
        PostgresServer postgres = launcher.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("yard"), PostgresServer.USER, "");
                PreparedStatement statement = connection.prepareStatement("select payload::text from yard.outbox_event"
                        + " where subject = ? and type = 'io.portage.yard.detention-charged.v2'")) {
            statement.setString(1, appointment);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return "";
                }
                JsonNode charge = DemoHttp.JSON.readTree(result.getString(1));
                return charge.path("minutes").asText() + " minutes charged, " + charge.path("amount")
                        .path("currency")
                        .asText() + " " + charge.path("amount").path("amount").asText() + " (clock from "
                        + charge.path("clockStart").asText() + ")";
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read yard-service's outbox: " + e.getMessage(), e);
        }
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value;
        do {
            value = read.get();
            if (value != null && done.test(value)) {
                return value;
            }
            DemoHttp.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("Waited " + WAIT.toSeconds() + " s for " + what + "; last seen: " + value);
    }

    private static void require(DemoHttp.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
    }
}
