package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.odoo.standin.Fault;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Changes before release: ship-to and lines replaced under If-Match, the checks run again (a fixed SKU releases a held
 * order, a new unknown SKU holds an accepted one), OrderChanged published, and the refusals (428, 412, 409, 404).
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class OrderChangeTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @BeforeEach
    void loadTheProductCache() {
        given().auth().oauth2(TestTokens.ops("test-ops")).when().post("/ops/odoo-sync/poll").then().statusCode(200);
    }

    @AfterEach
    void healOdoo() {
        OdooStandinResource.standin().faults().clear();
    }

    static String etag(String orderId, String partner) {
        return given().auth()
                .oauth2(TestTokens.partner(partner))
                .when()
                .get("/api/v1/orders/" + orderId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    static Response patch(String orderId, String partner, String ifMatch, Object body) {
        var request = given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().patch("/api/v1/orders/" + orderId);
    }

    static Map<String, Object> shipTo(String street) {
        return Map.of("name", "Grace Hopper", "email", "grace@example.com",
                "address", Map.of("street", street, "city", "Ghent", "postalCode", "9000", "country", "BE"));
    }

    @Test
    void aHeldOrderChangedToKnownSkusIsAcceptedReleasedWithTheNewLinesAndTheChangeIsPublished() throws Exception {
        String externalId = "CH-" + UUID.randomUUID();
        String id = OrderToOdooTest.submit(OrderToOdooTest.order("northwind-shop", externalId, "NOPE-" + externalId),
                "ON_HOLD");
        String etag = etag(id, "northwind-shop");
        assertThat(etag).isNotBlank();

        patch(id, "northwind-shop", etag, Map.of("customer", shipTo("9 Quay Street"), "lines",
                List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 3), Map.of("sku", "PT-DESK-01", "quantity", 1))))
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("customer.street", equalTo("9 Quay Street"))
                .body("lines.sku", equalTo(List.of("PT-CHAIR-01", "PT-DESK-01")))
                .body("history.note", hasItem("CHANGED"));

        var released = OrderToOdooTest.awaitStatus(id, "RELEASED");
        assertThat(released.getList("lines.productSku", String.class)).containsExactly("PT-CHAIR-01", "PT-DESK-01");
        List<Map<String, Object>> odooOrders = OrderToOdooTest.odooOrders("northwind-shop:" + externalId);
        assertThat(odooOrders).hasSize(1);
        List<Map<String, Object>> odooLines = OdooStandinResource.standin()
                .records("sale.order.line")
                .stream()
                .filter(line -> odooOrders.get(0).get("id").equals(((List<?>) line.get("order_id")).get(0)))
                .toList();
        assertThat(odooLines).extracting(line -> ((Number) line.get("product_uom_qty")).doubleValue())
                .containsExactlyInAnyOrder(3.0, 1.0);
        given().queryParam("type", "order.unknown-sku")
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .body("find { it.businessKey == '" + id + "' }.status", equalTo("RESOLVED"));

        ConsumerRecord<String, String> changed = TestKafka.awaitRecord(Topics.ORDERS, record -> id.equals(record.key())
                && EventCatalog.ORDER_CHANGED_V1.type().equals(TestKafka.header(record, "ce_type")));
        assertThat(TestKafka.header(changed, "ce_sequence")).isEqualTo("2");
        JsonNode data = JSON.readTree(changed.value());
        assertThat(data.path("customer").path("address").path("street").asText()).isEqualTo("9 Quay Street");
        assertThat(data.path("lines")).hasSize(2);
        assertThat(data.path("changedBy").path("type").asText()).isEqualTo("PARTNER");
        ConsumerRecord<String, String> accepted = TestKafka.awaitRecord(Topics.ORDERS, record -> id.equals(
                record.key()) && EventCatalog.ORDER_ACCEPTED_V1.type().equals(TestKafka.header(record, "ce_type")));
        assertThat(TestKafka.header(accepted, "ce_sequence")).isEqualTo("3");

        // Released: too late to change; another partner does not see it at all.
        patch(id, "northwind-shop", etag(id, "northwind-shop"), Map.of("customer", shipTo("1 Late Lane")))
                .then()
                .statusCode(409);
        patch(id, "someone-else", "\"1\"", Map.of("customer", shipTo("1 Other Lane"))).then().statusCode(404);
    }

    @Test
    void aChangeNeedsTheVersionItWasBasedOn() {
        String externalId = "CV-" + UUID.randomUUID();
        String id = OrderToOdooTest.submit(OrderToOdooTest.order("northwind-shop", externalId, "NOPE-" + externalId),
                "ON_HOLD");
        Map<String, Object> body = Map.of("customer", shipTo("2 Quay Street"));
        patch(id, "northwind-shop", null, body).then()
                .statusCode(428)
                .contentType("application/problem+json");
        String etag = etag(id, "northwind-shop");
        patch(id, "northwind-shop", etag, body).then().statusCode(200).body("status", equalTo("ON_HOLD"));
        // The same change again with the old ETag: the order moved on, so it is refused.
        patch(id, "northwind-shop", etag, Map.of("customer", shipTo("3 Quay Street"))).then().statusCode(412);
        given().when().get("/api/v1/orders/" + id).then().body("customer.street", equalTo("2 Quay Street"));
        patch(id, "northwind-shop", etag(id, "northwind-shop"), Map.of()).then().statusCode(400);
        patch(id, "northwind-shop", etag(id, "northwind-shop"),
                Map.of("lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", -1)))).then()
                .statusCode(400)
                .body("violations.field", hasItem("lines[0].quantity"));
    }

    @Test
    void anAcceptedOrderChangedToAnUnknownSkuIsHeldWithItsException() {
        // Odoo away keeps the order ACCEPTED in the queue (retried with backoff) long enough to change it.
        OdooStandinResource.standin().faults().failNext(100_000, Fault.UNAVAILABLE_503);
        String externalId = "CU-" + UUID.randomUUID();
        String id = OrderToOdooTest.submit(OrderToOdooTest.order("northwind-shop", externalId, "PT-CHAIR-01"),
                "ACCEPTED");
        String unknown = "NOPE-" + externalId;
        // Between hand-over attempts (a claim answers 409, a claim since the read 412): read, change, until it goes.
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> patch(id, "northwind-shop",
                        etag(id, "northwind-shop"), Map.of("lines", List.of(Map.of("sku", unknown, "quantity", 2))))
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ON_HOLD")));
        given().queryParam("type", "order.unknown-sku")
                .when()
                .get("/ops/exceptions")
                .then()
                .statusCode(200)
                .body("find { it.businessKey == '" + id + "' }.status", equalTo("OPEN"));
        OdooStandinResource.standin().faults().clear();
        assertThat(OrderToOdooTest.odooOrders("northwind-shop:" + externalId)).isEmpty();
    }
}
