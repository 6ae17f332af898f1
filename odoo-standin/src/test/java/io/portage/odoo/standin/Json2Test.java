package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Json2Test {

    private OdooStandin standin;
    private TestClient client;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder().version("19.0").apiKey("bot-api-key").build().start();
        client = new TestClient(standin);
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    @Test
    void searchReadCreateWriteWithABearerKey() {
        HttpResponse<String> read = client.json2("res.partner", "search_read", Map.of("domain", List.of(List.of(
                "is_company", "=", true)), "fields", List.of("name"), "limit", 2, "order", "id", "context", Map.of(
                        "lang", "en_US")),
                "bot-api-key");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(TestClient.readAny(read.body())).isEqualTo(List.of(Map.of("id", 1, "name", "YourCompany"), Map.of(
                "id", 3, "name", "Azure Interior")));

        HttpResponse<String> created = client.json2("sale.order", "create", Map.of("vals_list", List.of(Map.of(
                "partner_id", 3, "client_order_ref", "J2-1", "order_line", List.of(List.of(0, 0, Map.of("product_id",
                        1, "product_uom_qty", 1)))))),
                "bot-api-key");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(TestClient.readAny(created.body())).isEqualTo(List.of(1));

        assertThat(client.json2("sale.order", "action_confirm", Map.of("ids", List.of(1)), "bot-api-key").body())
                .isEqualTo("true");
        assertThat(client.json2("stock.picking", "write", Map.of("ids", List.of(1), "vals", Map.of(
                "carrier_tracking_ref", "1Z999")), "bot-api-key").body()).isEqualTo("true");
        assertThat(standin.records("stock.picking")).singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("carrier_tracking_ref", "1Z999")
                        .containsEntry("origin", "S00001 - J2-1")
                        .containsEntry("state", "assigned"));
        assertThat(client.json2("stock.picking", "button_validate", Map.of("ids", List.of(1)), "bot-api-key").body())
                .isEqualTo("true");
    }

    @Test
    void theBodysContextIsHonoured() {
        // ODOO.md "JSON-2 shapes": the body's optional context reaches the method (here active_test)
        standin.createAsSuperuser("res.partner", Map.of("name", "Archived Co", "ref", "ARCH-1", "active", false));
        assertThat(TestClient.readAny(client.json2("res.partner", "search", Map.of("domain", List.of(List.of("ref",
                "=", "ARCH-1"))), "bot-api-key").body())).isEqualTo(List.of());
        assertThat(TestClient.readAny(client.json2("res.partner", "search", Map.of("domain", List.of(List.of("ref",
                "=", "ARCH-1")), "context", Map.of("active_test", false)), "bot-api-key").body())).asList().hasSize(1);
    }

    @Test
    void errorsCarryRealStatusCodes() {
        HttpResponse<String> unauthorized = client.json2("res.partner", "search", Map.of("domain", List.of()),
                "wrong-key");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(TestClient.read(unauthorized.body())).containsEntry("name", "werkzeug.exceptions.Unauthorized")
                .containsEntry("message", "Invalid apikey")
                .containsKeys("arguments", "context", "debug");
        assertThat(client.json2("res.partner", "search", Map.of("domain", List.of()), "bot-password").statusCode())
                .isEqualTo(401);

        assertThat(client.json2("no.such.model", "search", Map.of("domain", List.of()), "bot-api-key").statusCode())
                .isEqualTo(404);
        assertThat(client.json2("res.partner", "frobnicate", Map.of(), "bot-api-key").statusCode()).isEqualTo(404);
        // ODOO.md, JSON-2 table: a method starting with _ is a 403 AccessError naming it
        HttpResponse<String> hidden = client.json2("res.partner", "_compute_display_name", Map.of(), "bot-api-key");
        assertThat(hidden.statusCode()).isEqualTo(403);
        assertThat(TestClient.read(hidden.body())).containsEntry("name", "odoo.exceptions.AccessError")
                .containsEntry("message", "Private methods (such as 'res.partner._compute_display_name') cannot be "
                        + "called remotely.");

        HttpResponse<String> withIds = client.json2("res.partner", "create", Map.of("ids", List.of(1), "vals_list",
                List.of(Map.of("name", "x"))), "bot-api-key");
        assertThat(withIds.statusCode()).isEqualTo(422);
        assertThat(TestClient.read(withIds.body())).containsEntry("name", "werkzeug.exceptions.UnprocessableEntity");
        assertThat(client.json2("res.partner", "search_read", Map.of("bogus", 1), "bot-api-key").statusCode())
                .isEqualTo(422);

        HttpResponse<String> validation = client.json2("sale.order", "create", Map.of("vals_list", List.of(Map.of(
                "client_order_ref", "no-partner"))), "bot-api-key");
        assertThat(validation.statusCode()).isEqualTo(422);
        assertThat(TestClient.read(validation.body())).containsEntry("name", "odoo.exceptions.ValidationError");

        HttpResponse<String> missing = client.json2("res.partner", "read", Map.of("ids", List.of(999)), "bot-api-key");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestClient.read(missing.body())).containsEntry("name", "odoo.exceptions.MissingError");
    }

    @Test
    void rotatingTheKeyRevokesTheOldOneAtOnce() {
        standin.rotateApiKey("new-key");
        assertThat(client.json2("res.partner", "search_count", Map.of("domain", List.of()), "bot-api-key")
                .statusCode()).isEqualTo(401);
        HttpResponse<String> ok = client.json2("res.partner", "search_count", Map.of("domain", List.of()), "new-key");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("5");
        assertThat(client.jsonRpc("common", "login", "portage", "bot", "new-key").get("result")).isEqualTo(2);
        assertThat(client.jsonRpc("common", "login", "portage", "bot", "bot-api-key").get("result")).isEqualTo(false);
    }

    @Test
    void jsonRpcIsStillServedOn19() {
        assertThat(client.call("res.partner", "search_count", List.of(List.of()), Map.of())).isEqualTo(5);
    }
}
