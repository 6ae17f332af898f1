package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void odoo17KeepsProductTypeProductAndHasNoIsStorable() {
        try (OdooStandin standin = OdooStandin.builder().version("17.0").build().start()) {
            TestClient client = new TestClient(standin);
            assertThat(client.readOne("product.product", 1, "type")).containsEntry("type", "product");
            assertThat(JsonRpcTest.errorData(client.executeKw("bot-password", "product.product", "read", List.of(List
                    .of(1)), Map.of("fields", List.of("is_storable"))))).containsEntry("name", "builtins.ValueError");
            assertThat(client.call("product.product", "create", Map.of("name", "Crate", "type", "product")))
                    .isInstanceOf(Integer.class);
            assertThat(TestClient.read(client.post("/web/webclient/version_info", "application/json", "{}").body())
                    .get("result")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("server_version_info", List.of(17, 0, 0, "final", 0, ""));
            assertThat(client.json2("res.partner", "search", Map.of("domain", List.of()), "bot-api-key").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void odoo18StoresGoodsAsConsuWithIsStorable() {
        try (OdooStandin standin = OdooStandin.builder().version("18.0").build().start()) {
            TestClient client = new TestClient(standin);
            assertThat(client.readOne("product.product", 1, "type", "is_storable", "display_name"))
                    .containsEntry("type", "consu")
                    .containsEntry("is_storable", true)
                    .containsEntry("display_name", "[PT-CHAIR-01] Office Chair");
            Map<String, Object> wrongType = JsonRpcTest.errorData(client.executeKw("bot-password", "product.product",
                    "create", List.of(Map.of("name", "Crate", "type", "product")), Map.of()));
            assertThat(wrongType).containsEntry("name", "builtins.ValueError");
            assertThat((String) wrongType.get("message")).contains("'product'");
            assertThat(client.json2("res.partner", "search", Map.of("domain", List.of()), "bot-api-key").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void onlyKnownVersionsAreAccepted() {
        assertThatThrownBy(() -> OdooStandin.builder().version("16.0")).isInstanceOf(IllegalArgumentException.class);
    }
}
