package io.portage.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's name, e-mail address and street never appear in a service's log: an order carrying them goes through the
 * gateway to order-service, and again as a shop's signed webhook, through Kafka to shipment-service, with every Portage logger at DEBUG (RunningSuite), and
 * every service's log is searched for them.
 */
class PersonalDataInLogsIT {

    static RunningSuite suite;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
    }

    @Test
    void noServiceLogsTheCustomersNameEmailOrStreet() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Hedy Lamarr" + marker;
        String email = "hedy." + marker + "@example.org";
        String street = marker + " Frequency Lane";
        String token = suite.token("northwind-shop", "northwind-dev-secret");
        String orderId = given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body("""
                        {"channel":"northwind-shop","externalId":"PII-%s","warehouse":"WH1",
                         "customer":{"name":"%s","email":"%s",
                           "address":{"street":"%s","city":"Wien","postalCode":"1010","country":"AT"}},
                         "lines":[{"sku":"PT-CHAIR-01","quantity":1}]}""".formatted(marker, name, email, street))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A refused order with the same data: refusals are logged too.
        given().baseUri(suite.gateway.baseUrl())
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body("""
                        {"channel":"northwind-shop","externalId":"PII-%s-bad","warehouse":"WH1",
                         "customer":{"name":"%s","email":"%s","address":{"street":"%s"}},"lines":[]}"""
                        .formatted(marker, name, email, street))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400);
        // The same customer through a shop's signed webhook: Shopify's name and address parts are joined on the way.
        String shopBody = """
                {"id": %d, "name": "#PII-%s", "email": "%s",
                 "shipping_address": {"first_name": "Hedy", "last_name": "Lamarr%s", "address1": "%s",
                   "address2": "Floor %s", "city": "Wien", "zip": "1010", "country_code": "AT"},
                 "line_items": [{"sku": "PT-CHAIR-01", "quantity": 1, "title": "Chair"}]}"""
                .formatted(Math.abs(marker.hashCode()) + 7_000_000_000L, marker, email, marker, street, marker);
        String shopOrderId = given().baseUri(suite.orders.baseUrl())
                .contentType("application/json")
                .header("X-Shopify-Hmac-Sha256", hmac(shopBody))
                .body(shopBody)
                .when()
                .post("/webhooks/shopify/" + RunningSuite.SHOP_CHANNEL)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        suite.awaitShipmentOf(orderId, token);
        suite.awaitShipmentOf(shopOrderId, token);

        List<Path> logs;
        try (Stream<Path> files = Files.list(suite.logs())) {
            logs = files.filter(file -> file.toString().endsWith(".log")).toList();
        }
        assertThat(logs).as("the services' logs").hasSizeGreaterThanOrEqualTo(4);
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).as(log + " is read").isNotEmpty();
            for (String personal : List.of(name, email, street, marker + "@", "Lamarr" + marker, "Floor " + marker)) {
                if (text.contains(personal)) {
                    found.add(log.getFileName() + ": " + personal);
                }
            }
        }
        assertThat(found).as("personal data in the logs").isEmpty();
    }

    private static String hmac(String body) throws java.security.GeneralSecurityException {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(RunningSuite.SHOP_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
