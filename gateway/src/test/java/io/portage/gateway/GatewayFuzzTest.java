package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.portage.testsupport.Fuzz;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Bodies mutated the ways clients get them wrong (fields dropped, wrong types, huge or NUL-laden text, cut short) on
 * every route whose body the gateway reads itself: never a 5xx, every refusal a problem, and an edge batch answered
 * 200 answers for each of its events.
 */
@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private static void fuzz(String token, String method, String path, Object valid, int cases, long seed,
            java.util.function.BiConsumer<JsonNode, Response> also) throws Exception {
        Random random = new Random(seed);
        JsonNode tree = JSON.valueToTree(valid);
        for (int i = 0; i < cases; i++) {
            String body = Fuzz.mutate(tree, random);
            Response response = given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .header("If-Match", "\"1\"")
                    .body(body)
                    .when()
                    .request(method, path);
            assertThat(response.statusCode()).as("%s %s case %d: %s -> %s", method, path, i, body, response.asString())
                    .isLessThan(500);
            if (response.statusCode() >= 400) {
                assertThat(response.contentType()).as("case %d: %s", i, body).startsWith("application/problem+json");
            }
            if (also != null && response.statusCode() == 200) {
                also.accept(JSON.readTree(body), response);
            }
        }
    }

    @Test
    void edgeBatchesNeverFailTheGateway() throws Exception {
        String order = UUID.randomUUID().toString();
        Map<String, Object> batch = Map.of("site", "WH1", "events", List.of(
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.pick.confirmed", "key", order,
                        "occurredAt", "2026-11-23T08:00:00Z",
                        "payload", Map.of("lineNumber", 1, "sku", "A", "quantity", 1, "location", "A-1")),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.pack.confirmed", "key", order,
                        "occurredAt", "2026-11-23T08:05:00Z",
                        "payload", Map.of("sscc", "123456789012345678", "weightKg", 2.5,
                                "lines", List.of(Map.of("sku", "A", "quantity", 1)))),
                Map.of("id", UUID.randomUUID().toString(), "type", "scan.receipt.confirmed", "key", "ASN-1",
                        "occurredAt", "2026-11-23T07:00:00Z",
                        "payload", Map.of("lineNumber", 1, "sku", "A", "expectedQuantity", 5, "receivedQuantity", 5))));
        fuzz(TestTokens.partner("wh1", "events:write").sign(), "POST", "/api/v1/edge/events", batch, 200, 61L,
                (sent, response) -> assertThat(response.jsonPath().getList("results")).hasSize(sent.path("events").size()));
    }

    @Test
    void subscriptionsAndOrderCallsNeverFailTheGateway() throws Exception {
        fuzz(TestTokens.partner("fuzzer", "webhooks:manage").sign(), "POST", "/api/v1/webhooks/subscriptions",
                Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("io.portage.order.released.v2")), 150, 62L,
                null);
        String orders = TestTokens.partner("northwind", "orders:write orders:read").sign();
        fuzz(orders, "POST", "/api/v1/orders", Map.of("channel", "northwind-shop", "externalId", "NW-F",
                "lines", List.of(Map.of("sku", "A", "quantity", 1))), 100, 63L, null);
        fuzz(orders, "PATCH", "/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001",
                Map.of("lines", List.of(Map.of("sku", "A", "quantity", 1))), 100, 64L, null);
    }
}
