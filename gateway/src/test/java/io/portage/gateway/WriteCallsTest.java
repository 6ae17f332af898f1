package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Idempotency-Key on partners' POSTs, and the audit trail of every write call, against real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class WriteCallsTest {

    private static final String TOKEN = TestTokens.partner("northwind", "orders:write").sign();

    private static Response submit(String key, String body, String correlation) {
        return given().auth()
                .oauth2(TOKEN)
                .header("Idempotency-Key", key)
                .header("X-Correlation-Id", correlation)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/orders");
    }

    private static long reached(String correlation) {
        return OrderRoutesTest.recorded().stream().filter(r -> correlation.equals(r.get("correlation"))).count();
    }

    private static String operator(List<String> roles) {
        return TestTokens.partner("ignored", "ops")
                .claim("partner_id", null)
                .claim("preferred_username", "alice")
                .claim("realm_access", Map.of("roles", roles))
                .sign();
    }

    @Test
    void aRepeatedKeyGetsTheFirstAnswerWithoutReachingTheService() {
        String key = "order-" + UUID.randomUUID();
        String first = "corr-" + UUID.randomUUID();
        Response answer = submit(key, OrderRoutesTest.ORDER, first);
        answer.then().statusCode(201);
        String again = "corr-" + UUID.randomUUID();
        submit(key, OrderRoutesTest.ORDER, again).then()
                .statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", answer.header("Location"))
                .contentType("application/json")
                .body("partnerId", equalTo("northwind"));
        assertThat(reached(first)).isEqualTo(1);
        assertThat(reached(again)).isZero();

        // The same key for another order is a mistake of the partner's, not a replay.
        submit(key, OrderRoutesTest.ORDER.replace("NW-1", "NW-2"), "corr-" + UUID.randomUUID()).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/idempotency-key-reused"));
        // Another partner's key space is its own.
        given().auth()
                .oauth2(TestTokens.partner("acme", "orders:write").sign())
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(OrderRoutesTest.ORDER)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue());
        submit("has spaces", OrderRoutesTest.ORDER, "corr-x").then()
                .statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRuns() {
        String key = "boom-" + UUID.randomUUID();
        String boom = "{\"externalId\":\"BOOM\",\"lines\":[]}";
        String first = "corr-" + UUID.randomUUID();
        String retry = "corr-" + UUID.randomUUID();
        submit(key, boom, first).then().statusCode(503);
        submit(key, boom, retry).then().statusCode(503).header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue());
        assertThat(reached(first)).isEqualTo(1);
        assertThat(reached(retry)).isEqualTo(1);
    }

    @Test
    void everyWriteCallIsInTheAuditTrailForOperatorsOnly() {
        String correlation = "audit-" + UUID.randomUUID();
        submit("audit-" + UUID.randomUUID(), OrderRoutesTest.ORDER, correlation).then().statusCode(201);
        given().auth()
                .oauth2(TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"x\"}")
                .header("X-Correlation-Id", correlation + "-bad")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400);

        List<Map<String, Object>> trail = given().auth()
                .oauth2(operator(List.of("ops")))
                .queryParam("target", "/api/v1/orders")
                .queryParam("limit", 100)
                .when()
                .get("/ops/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(trail).anySatisfy(record -> assertThat(record)
                .containsEntry("actor", "partner:northwind")
                .containsEntry("action", "POST /api/v1/orders")
                .containsEntry("outcome", "201")
                .containsEntry("detail", "client northwind-client")
                .containsEntry("correlationId", correlation));
        assertThat(trail).anySatisfy(record -> assertThat(record)
                .containsEntry("outcome", "400")
                .containsEntry("correlationId", correlation + "-bad"));

        // A hostile path is recorded as it was sent (a decoded NUL cannot be stored, and the record was lost).
        String hostile = "audit-nul-" + UUID.randomUUID();
        given().auth()
                .oauth2(TOKEN)
                .urlEncodingEnabled(false)
                .contentType("application/json")
                .body("{}")
                .header("X-Correlation-Id", hostile)
                .when()
                .post("/api/v1/orders/%00/cancel")
                .then()
                .statusCode(400);
        assertThat(given().auth()
                .oauth2(operator(List.of("ops")))
                .queryParam("target", "/api/v1/orders/%00/cancel")
                .when()
                .get("/ops/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("correlationId", String.class)).contains(hostile);

        given().when().get("/ops/audit").then().statusCode(401);
        given().auth().oauth2(TOKEN).when().get("/ops/audit").then().statusCode(403);
        given().auth().oauth2(operator(List.of("partner"))).when().get("/ops/audit").then().statusCode(403);
    }
}
