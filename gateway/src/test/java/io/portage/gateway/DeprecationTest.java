package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** %test deprecates /api/v1/me (sunset 2099) and retired /api/v0 (sunset 2026-01-01). */
@QuarkusTest
class DeprecationTest {

    @Test
    void aDeprecatedRouteAnswersWithItsSunsetAndARetiredOneIsGone() {
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .header("Deprecation", "@1780272000")
                .header("Sunset", "Thu, 31 Dec 2099 00:00:00 GMT")
                .header("Link", "</api/v2/me>; rel=\"successor-version\"");
        given().when()
                .get("/api/v0/orders/1")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .header("Link", "</api/v1>; rel=\"successor-version\"")
                .body("type", equalTo("https://docs.portage.io/problems/gone"))
                .body("detail", containsString("use /api/v1"));
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .when()
                .get("/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001")
                .then()
                .header("Deprecation", org.hamcrest.Matchers.nullValue());
    }
}
