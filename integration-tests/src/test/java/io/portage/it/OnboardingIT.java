package io.portage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * An operator onboards a partner in one call against the real Keycloak: the new client signs in with the secret it
 * was given, its token carries the partner and the scopes asked for, its rate limit holds, its webhook subscription
 * is there.
 */
class OnboardingIT {

    static RunningSuite suite;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
    }

    @Test
    void anOnboardedPartnerSignsInWithItsScopesLimitAndSubscription() {
        String ops = suite.token("portage-ops", "portage-ops-dev-secret");
        String partner = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> request = Map.of("partnerId", partner, "name", "Globex Logistics",
                "scopes", List.of("orders:read", "webhooks:manage"),
                "rateLimit", Map.of("rate", 0.2, "burst", 2),
                "webhook", Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("io.portage.order.released.v2")));
        JsonPath onboarded = given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(ops)
                .contentType("application/json")
                .body(request)
                .when()
                .post("/api/v1/ops/partners")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("clientId", equalTo(partner + "-api"))
                .body("clientSecret", notNullValue())
                .body("webhook.secret", startsWith("whsec_"))
                .extract()
                .jsonPath();

        String token = suite.token(partner + "-api", onboarded.getString("clientSecret"));
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo(partner))
                .body("scopes", hasItems("orders:read", "webhooks:manage"));
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(200)
                .body("url", equalTo(List.of("http://127.0.0.1:9/hooks")))
                .body("[0].eventTypes", equalTo(List.of("io.portage.order.released.v2")));
        // Its limit (bursts of 2, a token every 5 s): one call on /api/v1/me above; the next goes, the one after is refused.
        given().baseUri(suite.gateway.baseUrl()).auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200);
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(429)
                .header("RateLimit-Policy", "2;w=10");
        // It has the scopes it was given and no others.
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(403);

        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(ops)
                .contentType("application/json")
                .body(request)
                .when()
                .post("/api/v1/ops/partners")
                .then()
                .statusCode(409);
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(ops)
                .contentType("application/json")
                .body(Map.of("partnerId", "initech", "scopes", List.of("everything")))
                .when()
                .post("/api/v1/ops/partners")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("scopes[0]"));
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(suite.token("northwind-shop", "northwind-dev-secret"))
                .contentType("application/json")
                .body(request)
                .when()
                .post("/api/v1/ops/partners")
                .then()
                .statusCode(403);
    }
}
