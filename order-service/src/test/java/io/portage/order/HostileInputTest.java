package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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
 * Requests the fuzzing found answered with a 500: what a path, a query string, a CSV or a webhook can carry
 * is refused with a problem naming the field, or held as the domain holds it.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class HostileInputTest {

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void aPathCarryingWhatAUriCannotHoldIsAProblemNotAPlainTextFiveHundred() {
        for (String segment : List.of("%00", "%20", "%22", "%3C", "%3E", "%7B", "%7C", "%5C", "%5E", "%25", "%07")) {
            given().urlEncodingEnabled(false)
                    .auth()
                    .none()
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post("/webhooks/shopify/" + segment)
                    .then()
                    .statusCode(segment.equals("%00") ? 400 : 404)
                    .contentType("application/problem+json")
                    .body("instance", startsWith("/webhooks/shopify/"));
        }
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "fuzz"))
                .when()
                .post("/ops/exceptions/%00/resolve")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() {
        Map<String, List<String>> filters = Map.of(
                "/api/v1/orders", List.of("channel", "externalId", "partnerId"),
                "/ops/exceptions", List.of("owner", "type"),
                "/ops/dead-letters", List.of("consumer", "type"),
                "/ops/audit", List.of("target"),
                "/ops/parked-events", List.of("consumer"));
        filters.forEach((path, parameters) -> parameters.forEach(parameter -> given().urlEncodingEnabled(false)
                .when()
                .get(path + "?" + parameter + "=a%00b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter))
                .body("detail", containsString("NUL"))));
        given().urlEncodingEnabled(false)
                .when()
                .get("/ops/channels/x%00y/sku-mappings")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("channel"));
    }

    @Test
    void eightUnknownLongSkusHoldTheOrderNamingThemAll() {
        List<Map<String, Object>> lines = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String sku = ("UNKNOWN-" + i + "-" + UUID.randomUUID()).concat("X".repeat(64)).substring(0, 64);
            skus.add(sku);
            lines.add(Map.of("sku", sku, "quantity", 1));
        }
        Map<String, Object> order = new java.util.HashMap<>(OrderResourceTest.order("LONG-" + UUID.randomUUID()));
        order.put("lines", lines);
        String id = given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("northwind"))
                .body(order)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Held at intake when the product cache knows the catalogue, else by the hand-over when Odoo does not.
        String reason = await().atMost(Duration.ofSeconds(30))
                .until(() -> given().when().get("/api/v1/orders/" + id).then().statusCode(200).extract().jsonPath(),
                        held -> "ON_HOLD".equals(held.getString("status")))
                .getString("holdReason");
        assertThat(reason).hasSizeGreaterThan(500);
        skus.forEach(sku -> assertThat(reason).contains(sku));
    }

    @Test
    void aShopifyStreetOrNameLongerThanTheOrderHoldsIsRefusedNamingTheField() {
        String street = shopify(
                "\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"address1\": \"%s\", \"address2\": \"%s\""
                        .formatted("a".repeat(150), "b".repeat(49)));
        shopifyPost(street).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("shipping_address.address2"));
        String name = shopify("\"first_name\": \"%s\", \"last_name\": \"%s\", \"address1\": \"Kaivokatu 1\""
                .formatted("f".repeat(100), "l".repeat(100)));
        shopifyPost(name).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("shipping_address.last_name"));
        String fits = shopify("\"first_name\": \"%s\", \"last_name\": \"%s\", \"address1\": \"%s\", \"address2\": \"%s\""
                .formatted("f".repeat(100), "l".repeat(99), "a".repeat(150), "b".repeat(48)));
        shopifyPost(fits).then().statusCode(201).body("customer.street.length()", equalTo(200));
    }

    @Test
    void aMarketplaceStreetLongerThanTheOrderHoldsIsRefusedNamingTheField() {
        String body = """
                {"marketplaceOrderId": "%s", "purchaseDate": "2026-11-23T08:00:00Z",
                 "buyer": {"name": "Ada", "email": "ada@example.com"},
                 "shipTo": {"name": "Ada Lovelace", "addressLine1": "%s", "addressLine2": "%s", "city": "Rotterdam",
                   "postalCode": "3011 AA", "countryCode": "NL"},
                 "items": [{"sellerSku": "PT-DESK-01", "quantityOrdered": 1}]}"""
                .formatted("114-" + UUID.randomUUID(), "a".repeat(150), "b".repeat(49));
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .header("X-Marketplace-Signature", HexFormat.of().formatHex(OrderToOdooTest.hmac("bazaar-test-secret", body)))
                .body(body)
                .when()
                .post("/webhooks/marketplace/bazaar")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("shipTo.addressLine2"));
    }

    @Test
    void aSkuMappingWithoutOrWithAnOverLongSkuIsRefusedNamingIt() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .put("/ops/channels/northwind-shop/sku-mappings/NW-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("sku"));
        given().contentType(ContentType.JSON)
                .body(Map.of("sku", "S".repeat(65)))
                .when()
                .put("/ops/channels/northwind-shop/sku-mappings/NW-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("sku"));
        given().contentType(ContentType.JSON)
                .body(Map.of("sku", "PT-CHAIR-01"))
                .when()
                .put("/ops/channels/northwind-shop/sku-mappings/" + "C".repeat(65))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("channelSku"));
        given().contentType(ContentType.JSON)
                .body("")
                .when()
                .put("/ops/channels/northwind-shop/sku-mappings/NW-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aNulInACsvSkuIsRefusedNamingTheRow() {
        given().contentType("text/csv")
                .queryParam("source", "wms-1")
                .queryParam("takenAt", "2026-11-24T06:00:00Z")
                .body("site,sku,quantity\nWH1,PT\u0000CHAIR,4\n")
                .when()
                .post("/ops/inventory/snapshots")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("row[2].sku"));
    }

    @Test
    void aQueryParameterOfTheWrongFormIsA400NamingItNotA404() {
        given().when()
                .get("/ops/exceptions?limit=ten")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
        given().when()
                .get("/api/v1/orders?partnerId=northwind&status=LOST")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void aRefusalAtTheDoorIsAProblem() {
        given().auth()
                .none()
                .when()
                .get("/api/v1/orders/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("detail", containsString("access token"));
        given().auth()
                .oauth2("not-a-jwt")
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.partner("northwind"))
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("role"));
    }

    private static String shopify(String address) {
        return """
                {"id": %d, "name": "#1042", "email": "ada@example.com", "currency": "EUR",
                 "shipping_address": {%s, "city": "Helsinki", "zip": "00100", "country_code": "FI"},
                 "line_items": [{"id": 1, "sku": "PT-CHAIR-01", "quantity": 1, "title": "Office Chair"}]}"""
                .formatted(5_000_000_000L + (long) (Math.random() * 1_000_000_000L), address);
    }

    private static io.restassured.response.Response shopifyPost(String body) {
        return given().auth()
                .none()
                .contentType(ContentType.JSON)
                .header("X-Shopify-Hmac-Sha256",
                        Base64.getEncoder().encodeToString(OrderToOdooTest.hmac("shopify-test-secret", body)))
                .body(body)
                .when()
                .post("/webhooks/shopify/corner-shop");
    }
}
