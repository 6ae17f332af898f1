package io.portage.odoo.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The mapping of execute_kw arguments onto JSON-2 named parameters. */
class Json2ParamsTest {

    @Test
    void mapsEachSupportedMethod() {
        List<?> domain = List.of(List.of("ref", "=", "X"));
        assertThat(Json2Params.body("search_read", List.of(domain), Map.of("fields", List.of("name"), "limit", 3)))
                .containsEntry("domain", domain)
                .containsEntry("fields", List.of("name"))
                .containsEntry("limit", 3);
        assertThat(Json2Params.body("search_count", List.of(domain), Map.of())).containsOnlyKeys("domain");
        assertThat(Json2Params.body("read", List.of(List.of(1, 2)), Map.of("fields", List.of("name"))))
                .containsEntry("ids", List.of(1, 2))
                .containsKey("fields");
        assertThat(Json2Params.body("create", List.of(Map.of("name", "A")), Map.of()))
                .containsEntry("vals_list", List.of(Map.of("name", "A")));
        assertThat(Json2Params.unwrapSingle("create", List.of(Map.of("name", "A")))).isTrue();
        assertThat(Json2Params.body("write", List.of(List.of(7), Map.of("name", "B")), Map.of()))
                .containsEntry("ids", List.of(7))
                .containsEntry("vals", Map.of("name", "B"));
        assertThat(Json2Params.body("unlink", List.of(List.of(7)), Map.of())).containsOnly(Map.entry("ids", List.of(7)));
        assertThat(Json2Params.body("action_confirm", List.of(List.of(25)), Map.of("context", Map.of("lang", "en_US"))))
                .containsEntry("ids", List.of(25))
                .containsEntry("context", Map.of("lang", "en_US"));
    }
}
