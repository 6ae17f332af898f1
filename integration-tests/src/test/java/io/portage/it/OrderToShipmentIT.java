package io.portage.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner submits an order through the gateway with a Keycloak token; order-service stores it and publishes
 * OrderReceived to Kafka; shipment-service consumes it and stores a planned shipment in PostgreSQL.
 */
class OrderToShipmentIT {

    static RunningSuite suite;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
    }

    static String token(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when()
                .post(suite.tokenUrl())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    static String order(String externalId) {
        return """
                {"channel":"northwind-shop","externalId":"%s","warehouse":"WH1",
                 "customer":{"name":"Ada Lovelace","email":"ada@example.com",
                   "address":{"street":"12 Dock Road","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
                 "lines":[{"sku":"PT-CHAIR-01","quantity":2},{"sku":"PT-DESK-01","quantity":1}]}
                """.formatted(externalId);
    }

    @Test
    void anOrderTravelsFromTheGatewayThroughKafkaToAPlannedShipment() {
        String token = token("northwind-shop", "northwind-dev-secret");
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("northwind"))
                .body("scopes", hasItems("orders:write", "orders:read"));

        String externalId = "NW-" + UUID.randomUUID();
        String correlationId = "e2e-" + externalId;
        String orderId = given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .header("X-Correlation-Id", correlationId)
                .header("X-Portage-Partner-Id", "acme")
                .contentType("application/json")
                .body(order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("northwind"))
                .extract()
                .path("id");

        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(200)
                .body("id", equalTo(orderId));

        suite.awaitShipmentOf(orderId, token);
        given().baseUri(suite.shipments.baseUrl())
                .auth()
                .oauth2(token)
                .queryParam("orderId", orderId)
                .when()
                .get("/api/v1/shipments")
                .then()
                .body("[0].status", equalTo("PLANNED"))
                .body("[0].partnerId", equalTo("northwind"))
                .body("[0].correlationId", equalTo(correlationId))
                .body("[0].lineCount", equalTo(2));

        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .when()
                .get("/api/v1/orders/" + orderId)
                .then()
                .statusCode(200)
                .body("externalId", equalTo(externalId));
        String acme = token("acme-3pl", "acme-dev-secret");
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(acme)
                .when()
                .get("/api/v1/orders/" + orderId)
                .then()
                .statusCode(404);
    }

    @Test
    void keycloakTokensAreCheckedForSecretAndScope() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "northwind-shop")
                .formParam("client_secret", "wrong")
                .when()
                .post(suite.tokenUrl())
                .then()
                .statusCode(401);
        given().baseUri(suite.gateway.baseUrl())
                .contentType("application/json")
                .body(order("NW-anon"))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(401);
        String carrier = token("swift-carrier", "swift-dev-secret");
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(carrier)
                .contentType("application/json")
                .body(order("NW-swift"))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(403);
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(carrier)
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("swift"));
    }
}
