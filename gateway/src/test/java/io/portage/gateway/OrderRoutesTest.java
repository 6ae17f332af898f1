package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
class OrderRoutesTest {

    static final String ORDER = "{\"channel\":\"northwind-shop\",\"externalId\":\"NW-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}";

    static List<Map<String, Object>> recorded() {
        String stub = ConfigProvider.getConfig().getValue("stub.order-service.url", String.class);
        return given().baseUri(stub).when().get("/__requests").then().extract().jsonPath().getList("$");
    }

    @Test
    void submitsWithThePartnerFromTheTokenNeverFromTheCaller() {
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:write").sign())
                .header("X-Portage-Partner-Id", "acme")
                .header("X-Correlation-Id", "corr-gw-1")
                .contentType("application/json")
                .body(ORDER)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .header("Location", "/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001")
                .header("X-Correlation-Id", "corr-gw-1")
                .body("partnerId", equalTo("northwind"));

        Map<String, Object> sent = recorded().stream()
                .filter(r -> "corr-gw-1".equals(r.get("correlation")))
                .findFirst()
                .orElseThrow();
        // The partner's own token is relayed (order-service verifies it and reads the partner from it); the caller's
        // header is not passed on.
        assertThat(sent).containsEntry("partner", "northwind")
                .containsEntry("method", "POST")
                .containsEntry("partnerHeader", null);
    }

    @Test
    void theServicesAnswersAreRelayedAndItsFailuresBecome503() {
        String token = TestTokens.partner("northwind", "orders:write").sign();
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"channel\":\"x\"}")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"externalId\":\"BOOM\",\"lines\":[]}")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/service-unavailable"));
    }

    @Test
    void aPartnerOnlyReadsItsOwnOrders() {
        String token = TestTokens.partner("northwind", "orders:read").sign();
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("northwind"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/orders/00000000-0000-4000-8000-000000000002")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/orders/not-an-id")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    /** Reads go over the downstream's Vert.x client: the same token, correlation id and trace context as writes. */
    @Test
    void aReadIsRelayedWithTheTokenCorrelationIdTraceAndETag() {
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .header("X-Correlation-Id", "corr-read-1")
                .when()
                .get("/api/v1/orders/3f0c2a4e-0000-4000-8000-00000000000a")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", "\"1\"")
                .header("X-Correlation-Id", "corr-read-1")
                .body("id", equalTo("3f0c2a4e-0000-4000-8000-00000000000a"));

        Map<String, Object> sent = recorded().stream()
                .filter(r -> "corr-read-1".equals(r.get("correlation")))
                .findFirst()
                .orElseThrow();
        assertThat(sent).containsEntry("partner", "northwind")
                .containsEntry("method", "GET")
                .containsEntry("path", "/api/v1/orders/3f0c2a4e-0000-4000-8000-00000000000a");
        assertThat((String) sent.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void changesAndCancellationsGoWithThePartnerAndTheVersion() {
        String order = "3f0c2a4e-0000-4000-8000-000000000001";
        String token = TestTokens.partner("northwind", "orders:read orders:write").sign();
        String etag = given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/orders/" + order)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(token)
                .header("If-Match", etag)
                .header("X-Correlation-Id", "corr-change")
                .contentType("application/json")
                .body("{\"lines\":[{\"sku\":\"A\",\"quantity\":3}]}")
                .when()
                .patch("/api/v1/orders/" + order)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("ACCEPTED"));
        assertThat(recorded().stream().filter(r -> "corr-change".equals(r.get("correlation"))).findFirst().orElseThrow())
                .containsEntry("partner", "northwind")
                .containsEntry("method", "PATCH");
        given().auth()
                .oauth2(token)
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .body("{\"lines\":[]}")
                .when()
                .patch("/api/v1/orders/" + order)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"lines\":[]}")
                .when()
                .patch("/api/v1/orders/" + order)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"reason\":\"customer called\"}")
                .when()
                .post("/api/v1/orders/00000000-0000-4000-8000-000000000001/cancel")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"reason\":\"customer called\"}")
                .when()
                .post("/api/v1/orders/" + order + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .contentType("application/json")
                .body("{\"reason\":\"x\"}")
                .when()
                .post("/api/v1/orders/" + order + "/cancel")
                .then()
                .statusCode(403);
    }
}
