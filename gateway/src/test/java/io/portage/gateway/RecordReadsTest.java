package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.gateway.rest.RecordReads;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A partner's read of one record is answered on the Vert.x route with what the REST resource would answer; any call
 * that is not a plain allowed read goes on to the resource and gets its answer.
 */
@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
class RecordReadsTest {

    private static final String ORDER = "/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001";

    @Inject
    RecordReads reads;

    @Test
    void anAllowedReadIsAnsweredByTheRouteWithTheResourcesHeaders() {
        long before = reads.answered();
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .header("X-Correlation-Id", "corr-fast-1")
                .when()
                .get(ORDER)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("X-Correlation-Id", "corr-fast-1")
                .header("RateLimit-Limit", notNullValue())
                .header("RateLimit-Remaining", notNullValue())
                .body("partnerId", equalTo("northwind"));
        // Another partner's record: the owner re-check answers 404, a problem with the correlation id.
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .header("X-Correlation-Id", "corr-fast-2")
                .when()
                .get("/api/v1/orders/00000000-0000-4000-8000-000000000002")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("X-Correlation-Id", "corr-fast-2")
                .body("correlationId", equalTo("corr-fast-2"))
                .body("instance", equalTo("/api/v1/orders/00000000-0000-4000-8000-000000000002"));
        assertThat(reads.answered()).isEqualTo(before + 2);
    }

    @Test
    void aReadIsTriedAgainAfterTheServiceWasUnavailable() {
        String id = "6f0c2a4e-0000-4000-8000-" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
        given().auth()
                .oauth2(TestTokens.partner("acme", "appointments:read").sign())
                .when()
                .get("/api/v1/appointments/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("partnerId", equalTo("acme"));
        assertThat(OrderRoutesTest.recorded().stream().filter(r -> String.valueOf(r.get("path")).endsWith(id)))
                .as("the first call answered 503, the retry 200")
                .hasSize(2);
    }

    @Test
    void everyOtherCallGoesOnToTheResource() {
        long before = reads.answered();
        given().when().get(ORDER).then().statusCode(401);
        given().auth().oauth2("not-a-jwt").when().get(ORDER).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "shipments:read").sign())
                .when()
                .get(ORDER)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").claim("partner_id", null).sign())
                .when()
                .get(ORDER)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .when()
                .get("/api/v1/orders/not-an-id")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().auth()
                .oauth2(TestTokens.partner("acme", "shipments:read").sign())
                .when()
                .get("/api/v1/shipments/not-a-uuid")
                .then()
                .statusCode(404);
        assertThat(reads.answered()).isEqualTo(before);
    }
}
