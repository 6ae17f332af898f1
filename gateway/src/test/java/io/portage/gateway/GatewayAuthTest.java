package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
class GatewayAuthTest {

    @Test
    void noRouteAnswersWithoutAToken() {
        given().when().get("/api/v1/me").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/api/v1/orders").then().statusCode(401);
        given().when().get("/api/v1/orders/3f0c2a4e-0000-4000-8000-000000000001").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aValidTokenIdentifiesThePartner() {
        String token = TestTokens.partner("northwind", "orders:write orders:read").sign();
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("northwind"))
                .body("clientId", equalTo("northwind-client"))
                .body("scopes", containsInAnyOrder("orders:write", "orders:read"));
    }

    @Test
    void expiredForeignWrongAudienceAndWrongIssuerTokensAreRefused() {
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").expiredMinutesAgo(10).sign())
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").signedByAStranger().sign())
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").claim("aud", "another-api").sign())
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").claim("iss", "https://evil.test/realms/portage").sign())
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401);
    }

    @Test
    void aTokenWithoutPartnerOrScopeIsForbidden() {
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").claim("partner_id", null).sign())
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read shipments:read").sign())
                .contentType("application/json")
                .body("{\"lines\":[]}")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", not(emptyOrNullString()));
    }
}
