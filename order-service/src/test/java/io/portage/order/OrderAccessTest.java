package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * order-service verifies the access token itself, so a call that bypasses the gateway is held to the same rules: no
 * valid token, no answer; a partner's scopes and tenant apply; a header naming another partner changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class OrderAccessTest {

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void withoutAValidTokenNothingAnswers() {
        String someOrder = "/api/v1/orders/" + UUID.randomUUID();
        given().auth().none().when().get(someOrder).then().statusCode(401);
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body(OrderResourceTest.order("X-1"))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(401);
        given().auth().none().when().get("/ops/exceptions").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").when().get(someOrder).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").expiredMinutesAgo(10).sign())
                .when()
                .get(someOrder)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").signedByAStranger().sign())
                .when()
                .get(someOrder)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").claim("aud", "another-api").sign())
                .when()
                .get(someOrder)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").claim("iss", "https://elsewhere/realms/x").sign())
                .when()
                .get(someOrder)
                .then()
                .statusCode(401);
        // Health stays open for the probes.
        given().auth().none().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aPartnerNeedsTheScopeAndAnIdentity() {
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").sign())
                .contentType(ContentType.JSON)
                .body(OrderResourceTest.order("NW-" + UUID.randomUUID()))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:write").sign())
                .when()
                .get("/api/v1/orders?channel=northwind-shop&externalId=none")
                .then()
                .statusCode(403);
        // Neither a partner nor an operator.
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:read").claim("partner_id", null).sign())
                .when()
                .get("/api/v1/orders/" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // A partner is no operator, whatever its scopes say.
        given().auth()
                .oauth2(TestTokens.partner("northwind", "ops " + TestTokens.PARTNER_SCOPES).sign())
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(403);
    }

    @Test
    void aPartnerSeesAndChangesOnlyItsOwnOrdersWhateverHeadersItSends() {
        String externalId = "NW-" + UUID.randomUUID();
        String orderId = given().auth()
                .oauth2(TestTokens.partner("northwind"))
                .header("X-Portage-Partner-Id", "acme")
                .contentType(ContentType.JSON)
                .body(OrderResourceTest.order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("northwind"))
                .extract()
                .path("id");
        String order = "/api/v1/orders/" + orderId;

        given().auth().oauth2(TestTokens.partner("northwind")).when().get(order).then().statusCode(200);
        String acme = TestTokens.partner("acme");
        given().auth()
                .oauth2(acme)
                .header("X-Portage-Partner-Id", "northwind")
                .when()
                .get(order)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(acme)
                .when()
                .get("/api/v1/orders?channel=northwind-shop&externalId=" + externalId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(acme)
                .when()
                .get("/api/v1/orders?partnerId=northwind")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(orderId)));
        given().auth()
                .oauth2(acme)
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 9))))
                .when()
                .patch(order)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(acme)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "not mine"))
                .when()
                .post(order + "/cancel")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.partner("northwind"))
                .when()
                .get("/api/v1/orders")
                .then()
                .statusCode(200)
                .body("id", hasItem(orderId));
        // An operator sees every partner's orders.
        given().when().get(order).then().statusCode(200).body("partnerId", equalTo("northwind"));
    }
}
