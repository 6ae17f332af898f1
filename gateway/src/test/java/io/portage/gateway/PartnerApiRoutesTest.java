package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Shipments and dock appointments through the gateway: each needs its scope, goes to its service with the caller's own
 * token, and a record of another partner is answered 404 even if a service let it through.
 */
@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerApiRoutesTest {

    static final String BOOKING = """
            {"site":"WH1","dock":"D1","direction":"INBOUND","carrier":"swift","reference":"PO-1",
             "slotStart":"2026-12-01T08:00:00Z","slotEnd":"2026-12-01T09:00:00Z"}""";

    static Map<String, Object> sent(String correlation) {
        return OrderRoutesTest.recorded()
                .stream()
                .filter(r -> correlation.equals(r.get("correlation")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Order(1)
    void shipmentsAreReadWithTheScopeAndOnlyTheCallersOwn() {
        String token = TestTokens.partner("acme", "shipments:read").sign();
        String correlation = "corr-sh-" + UUID.randomUUID();
        String orderId = UUID.randomUUID().toString();
        given().auth()
                .oauth2(token)
                .header("X-Correlation-Id", correlation)
                .queryParam("orderId", orderId)
                .queryParam("partnerId", "northwind")
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("[0].partnerId", equalTo("acme"));
        // The partner's own token is relayed; only the filters the service offers are passed on.
        assertThat(sent(correlation)).containsEntry("partner", "acme")
                .containsEntry("path", "/api/v1/shipments")
                .containsEntry("query", "orderId=" + orderId + "&limit=50");

        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/shipments/3f0c2a4e-0000-4000-8000-0000000000c1")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("acme"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/shipments/00000000-0000-4000-8000-0000000000c1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.partner("acme", "orders:read").sign())
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/api/v1/shipments/not-an-id").then().statusCode(404);

        // A proof-of-delivery image is relayed as the bytes the service sent, with its type.
        byte[] image = given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/shipments/3f0c2a4e-0000-4000-8000-0000000000c1/proof-of-delivery/signature")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asByteArray();
        assertThat(image).isEqualTo(StubOrderService.SIGNATURE_PNG);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/shipments/3f0c2a4e-0000-4000-8000-0000000000c1/proof-of-delivery/selfie")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    @Order(2)
    void appointmentsAreBookedAndReadWithTheirScopes() {
        String swift = TestTokens.partner("swift", "appointments:write appointments:read").sign();
        String correlation = "corr-ap-" + UUID.randomUUID();
        given().auth()
                .oauth2(swift)
                .header("X-Correlation-Id", correlation)
                .contentType("application/json")
                .body(BOOKING)
                .when()
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("swift"))
                .header("Location", "/api/v1/appointments/3f0c2a4e-0000-4000-8000-0000000000a1");
        assertThat(sent(correlation)).containsEntry("partner", "swift").containsEntry("method", "POST");

        // With an Idempotency-Key, a repeat is answered from the gateway and never reaches yard-service again.
        String key = "book-" + UUID.randomUUID();
        String keyed = "corr-ap-key-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(swift)
                    .header("X-Correlation-Id", keyed)
                    .header("Idempotency-Key", key)
                    .contentType("application/json")
                    .body(BOOKING)
                    .when()
                    .post("/api/v1/appointments")
                    .then()
                    .statusCode(201)
                    .body("partnerId", equalTo("swift"));
        }
        assertThat(OrderRoutesTest.recorded().stream().filter(r -> keyed.equals(r.get("correlation")))).hasSize(1);

        given().auth()
                .oauth2(swift)
                .queryParam("site", "WH1")
                .queryParam("date", "2026-12-01")
                .when()
                .get("/api/v1/appointments")
                .then()
                .statusCode(200)
                .body("[0].partnerId", equalTo("swift"));
        given().auth()
                .oauth2(swift)
                .queryParam("site", "wh 1")
                .queryParam("date", "tomorrow")
                .when()
                .get("/api/v1/appointments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(swift)
                .when()
                .get("/api/v1/appointments/00000000-0000-4000-8000-0000000000d1")
                .then()
                .statusCode(404);
        for (String scope : List.of("appointments:read", "shipments:read")) {
            given().auth()
                    .oauth2(TestTokens.partner("swift", scope).sign())
                    .contentType("application/json")
                    .body(BOOKING)
                    .when()
                    .post("/api/v1/appointments")
                    .then()
                    .statusCode(403);
        }
    }

    /** Last: the open breaker keeps shipment-service's routes answering 503 for 10 s. */
    @Test
    @Order(3)
    void aFailingServiceIsA503AndTheCircuitOpens() {
        String token = TestTokens.partner("acme", "shipments:read").sign();
        for (int i = 0; i < 12; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/shipments/5f0c2a4e-0000-4000-8000-0000000000e1")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
        }
        long before = OrderRoutesTest.recorded()
                .stream()
                .filter(r -> String.valueOf(r.get("path")).endsWith("5f0c2a4e-0000-4000-8000-0000000000e1"))
                .count();
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/shipments/5f0c2a4e-0000-4000-8000-0000000000e1")
                .then()
                .statusCode(503);
        long after = OrderRoutesTest.recorded()
                .stream()
                .filter(r -> String.valueOf(r.get("path")).endsWith("5f0c2a4e-0000-4000-8000-0000000000e1"))
                .count();
        // The breaker is open: the service is not called at all.
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aCarrierSendsItsInvoiceWithTheScopeOnceUnderItsKey() {
        String invoice = """
                {"invoiceNumber":"INV-1001","invoiceDate":"2026-12-05","currency":"EUR","lines":[{"line":1,
                 "trackingNumber":"1Z001","shipDate":"2026-12-01","origin":"NL","destination":"DE","declaredWeightKg":100,
                 "billedWeightKg":100,"freight":45.00,"fuel":9.00,"total":54.00}]}""";
        String swift = TestTokens.partner("swift", "invoices:write").sign();
        String correlation = "corr-inv-" + UUID.randomUUID();
        String key = "inv-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(swift)
                    .header("X-Correlation-Id", correlation)
                    .header("Idempotency-Key", key)
                    .contentType("application/json")
                    .body(invoice)
                    .when()
                    .post("/api/v1/carrier-invoices")
                    .then()
                    .statusCode(202)
                    .body("receivedBy", equalTo("swift"));
        }
        // The carrier is the token's (finance-service reads it from the relayed token); the retry never left the gateway.
        assertThat(OrderRoutesTest.recorded().stream().filter(r -> correlation.equals(r.get("correlation"))))
                .singleElement()
                .satisfies(sent -> assertThat(sent).containsEntry("partner", "swift")
                        .containsEntry("path", "/api/v1/carrier-invoices"));

        given().auth()
                .oauth2(TestTokens.partner("swift", "appointments:write").sign())
                .contentType("application/json")
                .body(invoice)
                .when()
                .post("/api/v1/carrier-invoices")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
