package io.portage.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's Odoo step: order-service's cache of Odoo's master data, and an order a sales rep confirms in the Odoo
 * stand-in coming back as an ERP event through the webhook.
 */
final class OdooStep {

    private final Launcher launcher;
    private final DemoHttp web;
    private final String opsToken;

    OdooStep(Launcher launcher, DemoHttp web, String opsToken) {
        this.launcher = launcher;
        this.web = web;
        this.opsToken = opsToken;
    }

    /**
     * Odoo beside the suite: order-service's cache of Odoo's master data, and a change made in Odoo (an order a sales
     * rep confirms there) coming back as an ERP event through the webhook fast path. A real Odoo is only read.
     */
    void play(String run) {
        System.out.printf("%n6. Odoo (%s): order-service caches its master data and turns its changes into events:%n",
                launcher.realOdoo().isPresent() ? launcher.odooUrl() : "the stand-in, Odoo 18.0");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status;
        do {
            status = web.get(launcher.url("order-service") + "/ops/odoo-sync", opsToken).body();
            if (loaded(status)) {
                break;
            }
            DemoHttp.sleep(200);
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
        long uid = rpc(web, rpc, "common", "login", List.of(Launcher.ODOO_DATABASE, Launcher.ODOO_LOGIN,
                Launcher.ODOO_API_KEY)).asLong();
        long order = rpc(web, rpc, "object", "execute_kw", List.of(Launcher.ODOO_DATABASE, uid, Launcher.ODOO_API_KEY,
                "sale.order", "create", List.of(Map.of("partner_id", 3, "client_order_ref", "PHONE-" + run, "order_line",
                        List.of(List.of(0, 0, Map.of("product_id", 1, "product_uom_qty", 3)))))))
                .asLong();
        rpc(web, rpc, "object", "execute_kw", List.of(Launcher.ODOO_DATABASE, uid, Launcher.ODOO_API_KEY, "sale.order",
                "action_confirm", List.of(List.of(order))));
        long confirmed = System.nanoTime();
        DemoHttp.Reply hook = web.post(launcher.url("order-service") + "/odoo/webhook?token=" + Launcher.ODOO_WEBHOOK_TOKEN,
                null,
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
            DemoHttp.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("No ERP event for " + subject + " within 30 s; see ./portage logs order-service");
    }

    /** A model's method called as the stand-in's bot ({@code execute_kw}); an Odoo error becomes an exception. */
    static JsonNode execute(DemoHttp web, Launcher launcher, String model, String method, List<?> args) {
        String rpc = launcher.odooUrl() + "/jsonrpc";
        long uid = rpc(web, rpc, "common", "login",
                List.of(Launcher.ODOO_DATABASE, Launcher.ODOO_LOGIN, Launcher.ODOO_API_KEY)).asLong();
        return rpc(web, rpc, "object", "execute_kw",
                List.of(Launcher.ODOO_DATABASE, uid, Launcher.ODOO_API_KEY, model, method, args));
    }

    /** One JSON-RPC call to Odoo; an Odoo error becomes an exception with Odoo's message. */
    static JsonNode rpc(DemoHttp web, String url, String service, String method, List<?> args) {
        try {
            String body = DemoHttp.JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "method", "call", "id", 1, "params",
                    Map.of("service", service, "method", method, "args", args)));
            JsonNode reply = web.post(url, null, body, null).body();
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
}
