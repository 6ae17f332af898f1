package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Partner "throttled" may call /api/v1/me once a second with bursts of 3 (see %test in application.properties). */
@QuarkusTest
class RateLimitTest {

    @Test
    void aPartnersBurstIsCutWithRetryAfterAndRecoversWhileOthersGoOn() throws Exception {
        String throttled = TestTokens.partner("throttled", "orders:read").sign();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth()
                    .oauth2(throttled)
                    .when()
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining))
                    .header("RateLimit-Policy", "3;w=3");
        }
        Response refused = given().auth().oauth2(throttled).when().get("/api/v1/me");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("https://docs.portage.io/problems/rate-limited"))
                .body("detail", containsString("on me is used up"));

        // Another partner, and the same partner on another route group, are not held back.
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(throttled)
                .when()
                .get("/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001")
                .then()
                .statusCode(404) // northwind's order: answered, not throttled
                .header("RateLimit-Remaining", org.hamcrest.Matchers.notNullValue());

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);
        given().auth().oauth2(throttled).when().get("/api/v1/me").then().statusCode(200);
        // An invalid token is refused before it is counted.
        assertThat(given().auth().oauth2("not-a-token").when().get("/api/v1/me").statusCode()).isEqualTo(401);
    }
}
