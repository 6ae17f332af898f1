package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.Topics;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.ProductRef;
import io.portage.odoo.standin.Fault;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Orders from intake to Odoo and release, against the running service with real PostgreSQL and Kafka and the Odoo
 * stand-in: confirmed once in Odoo however often submitted, held for a person when a SKU is unknown, queued while Odoo
 * is away, routed to the warehouse or a 3PL, cancelled before release and not after.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class OrderToOdooTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OdooOperations odoo;

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

    static Map<String, Object> order(String channel, String externalId, String... skus) {
        return Map.of(
                "channel", channel,
                "externalId", externalId,
                "customer", Map.of("name", "Grace Hopper", "email", "grace." + externalId + "@example.com",
                        "address", Map.of("street", "1 Harbour Way", "city", "Antwerp", "postalCode", "2000",
                                "country", "BE")),
                "lines", IntStream.range(0, skus.length)
                        .mapToObj(i -> Map.of("sku", skus[i], "quantity", i + 1))
                        .toList());
    }

    static String submit(Map<String, Object> body, String expectedStatus) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("status", equalTo(expectedStatus))
                .extract()
                .path("id");
    }

    static JsonPath awaitStatus(String orderId, String status) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().when().get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath(),
                        order -> status.equals(order.getString("status")));
    }

    static List<Map<String, Object>> odooOrders(String clientOrderRef) {
        return OdooStandinResource.standin()
                .records("sale.order")
                .stream()
                .filter(row -> clientOrderRef.equals(row.get("client_order_ref")))
                .toList();
    }

    static List<ConsumerRecord<String, String>> events(String orderId, int count) {
        return await().atMost(WAIT)
                .until(() -> TestKafka.recordsWithin(Topics.ORDERS, Duration.ofMillis(500),
                        record -> orderId.equals(record.key())), records -> records.size() >= count);
    }

    @Test
    void anOrderIsConfirmedInOdooAndReleasedToItsWarehouseWithItsEventsInSequence() throws Exception {
        String externalId = "NW-" + UUID.randomUUID();
        String orderId = submit(order("northwind-shop", externalId, "PT-CHAIR-01", "PT-DESK-01"), "ACCEPTED");

        JsonPath released = awaitStatus(orderId, "RELEASED");
        assertThat(released.getString("odoo.name")).matches("S\\d+");
        assertThat(released.getString("fulfiller.type")).isEqualTo("WAREHOUSE");
        assertThat(released.getString("fulfiller.id")).isEqualTo("WH1");
        assertThat(released.getList("history.status")).containsExactly("RECEIVED", "ACCEPTED", "RELEASED");

        List<Map<String, Object>> inOdoo = odooOrders("northwind-shop:" + externalId);
        assertThat(inOdoo).hasSize(1);
        assertThat(inOdoo.get(0).get("state")).isEqualTo("sale");
        assertThat(inOdoo.get(0).get("name")).isEqualTo(released.getString("odoo.name"));
        Object partnerId = inOdoo.get(0).get("partner_id");
        Map<String, Object> customer = OdooStandinResource.standin()
                .records("res.partner")
                .stream()
                .filter(row -> String.valueOf(row.get("id"))
                        .equals(String.valueOf(partnerId instanceof List<?> pair ? pair.get(0) : partnerId)))
                .findFirst()
                .orElseThrow();
        assertThat(customer.get("ref")).isEqualTo("northwind-shop:grace." + externalId.toLowerCase() + "@example.com");
        assertThat(customer.get("street")).isEqualTo("1 Harbour Way");
        assertThat(customer.get("zip")).isEqualTo("2000");

        List<ConsumerRecord<String, String>> events = events(orderId, 3);
        assertThat(events).extracting(record -> TestKafka.header(record, "ce_type"))
                .containsExactly(
                        "io.portage.order.received.v1", "io.portage.order.accepted.v1", "io.portage.order.released.v2");
        assertThat(events).extracting(record -> TestKafka.header(record, "ce_sequence")).containsExactly("1", "2", "3");
        JsonNode release = JSON.readTree(events.get(2).value());
        assertThat(release.path("fulfiller").path("type").asText()).isEqualTo("WAREHOUSE");
        assertThat(release.path("erp").path("name").asText()).isEqualTo(released.getString("odoo.name"));
        assertThat(release.path("erp").path("erpRef").asText()).isEqualTo("sale.order/" + released.getLong("odoo.id"));
        assertThat(release.path("lines").get(1).path("sku").asText()).isEqualTo("PT-DESK-01");
        assertThat(release.path("shipTo").path("address").path("country").asText()).isEqualTo("BE");
    }

    @Test
    void fiveConcurrentSubmissionsOfOneOrderMakeOneOdooOrder() {
        String externalId = "NW-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Response>> calls = IntStream.range(0, 5)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                            .body(order("northwind-shop", externalId, "PT-LAMP-01"))
                            .when()
                            .post("/api/v1/orders"), pool))
                    .toList();
            List<Response> responses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201);
            assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(1);
            String orderId = responses.get(0).path("id");
            assertThat(responses).extracting(response -> response.path("id").toString()).containsOnly(orderId);
            awaitStatus(orderId, "RELEASED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(odooOrders("northwind-shop:" + externalId)).hasSize(1);
    }

    @Test
    void anUnknownSkuHoldsTheOrderForAPersonAndAMappingLetsItProceed() {
        String externalId = "CS-" + UUID.randomUUID();
        String channelSku = "SHOP-CHAIR-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = submit(order("corner-rest", externalId, channelSku, "PT-LAMP-01"), "ON_HOLD");
        given().when()
                .get("/api/v1/orders/" + orderId)
                .then()
                .body("holdReason", startsWith("Unknown SKU in Odoo: " + channelSku));

        JsonPath exception = openException(orderId);
        assertThat(exception.getString("ownerRole")).isEqualTo("ops");
        assertThat(exception.getString("payload")).contains(channelSku);
        // A retry before anything changed fails and says why; the order still waits.
        given().auth()
                .oauth2(TestTokens.ops("test-ops"))
                .when()
                .post("/ops/exceptions/" + exception.getString("id") + "/retry")
                .then()
                .statusCode(422);
        assertThat(odooOrders("corner-rest:" + externalId)).isEmpty();

        given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.ops("test-ops"))
                .body(Map.of("sku", "PT-CHAIR-01"))
                .when()
                .put("/ops/channels/corner-rest/sku-mappings/" + channelSku)
                .then()
                .statusCode(200)
                .body("ordersAccepted", hasItem(orderId));

        JsonPath released = awaitStatus(orderId, "RELEASED");
        assertThat(released.getList("lines.productSku")).containsExactly("PT-CHAIR-01", "PT-LAMP-01");
        assertThat(odooOrders("corner-rest:" + externalId)).hasSize(1);
        given().when().get("/ops/exceptions/" + exception.getString("id")).then().body("status", equalTo("RESOLVED"));
        assertThat(released.getList("history.status")).containsExactly("RECEIVED", "ON_HOLD", "ACCEPTED", "RELEASED");
    }

    @Test
    void aProductCreatedInOdooAfterTheHoldIsFoundByTheRetry() {
        String sku = "PT-NEW-" + UUID.randomUUID().toString().substring(0, 8);
        String externalId = "NW-" + UUID.randomUUID();
        String orderId = submit(order("northwind-shop", externalId, sku), "ON_HOLD");
        JsonPath exception = openException(orderId);

        odoo.findOrCreateProduct(new ProductRef(sku, "New product", true)).await().atMost(WAIT);

        given().auth()
                .oauth2(TestTokens.ops("test-ops"))
                .when()
                .post("/ops/exceptions/" + exception.getString("id") + "/retry")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETRIED"));
        awaitStatus(orderId, "RELEASED");
        assertThat(odooOrders("northwind-shop:" + externalId)).hasSize(1);
    }

    @Test
    void whileOdooIsAwayOrdersAreAcceptedAndQueuedThenSyncedWhenItReturns() {
        OdooStandinResource.standin().faults().failNext(100_000, Fault.UNAVAILABLE_503);
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> submit(order("northwind-shop", "DOWN-" + UUID.randomUUID(), "PT-CHAIR-01"), "ACCEPTED"))
                .toList();
        for (String id : ids) {
            JsonPath waiting = await().atMost(WAIT)
                    .until(
                            () -> given().when().get("/api/v1/orders/" + id).then().extract().jsonPath(),
                            order -> order.getInt("handOver.attempts") >= 2);
            assertThat(waiting.getString("status")).isEqualTo("ACCEPTED");
            assertThat(waiting.getString("handOver.lastError")).contains("Unavailable");
        }

        OdooStandinResource.standin().faults().clear();
        for (String id : ids) {
            JsonPath released = awaitStatus(id, "RELEASED");
            assertThat(odooOrders("northwind-shop:" + released.getString("externalId"))).hasSize(1);
        }
    }

    @Test
    void anOrderCanBeCancelledBeforeReleaseButNotAfter() {
        OdooStandinResource.standin().faults().failNext(100_000, Fault.UNAVAILABLE_503);
        String externalId = "CX-" + UUID.randomUUID();
        String orderId = submit(order("northwind-shop", externalId, "PT-CHAIR-01"), "ACCEPTED");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> given().contentType(ContentType.JSON)
                        .auth()
                        .oauth2(TestTokens.partner("northwind-shop"))
                        .body(Map.of("reason", "Customer changed their mind"))
                        .when()
                        .post("/api/v1/orders/" + orderId + "/cancel")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("CANCELLED")));
        OdooStandinResource.standin().faults().clear();

        List<ConsumerRecord<String, String>> events = events(orderId, 3);
        assertThat(TestKafka.header(events.get(2), "ce_type")).isEqualTo("io.portage.order.cancelled.v1");
        assertThat(TestKafka.header(events.get(2), "ce_sequence")).isEqualTo("3");
        given().when().get("/api/v1/orders/" + orderId).then().body("status", equalTo("CANCELLED"));
        assertThat(odooOrders("northwind-shop:" + externalId)).isEmpty();

        String releasedId = submit(order("northwind-shop", "CX-" + UUID.randomUUID(), "PT-CHAIR-01"), "ACCEPTED");
        awaitStatus(releasedId, "RELEASED");
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "too late"))
                .when()
                .post("/api/v1/orders/" + releasedId + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // Another partner does not see the order at all.
        given().auth()
                .oauth2(TestTokens.partner("someone-else"))
                .when()
                .get("/api/v1/orders/" + releasedId)
                .then()
                .statusCode(404);
    }

    @Test
    void shopifyWebhooksAreVerifiedMappedAndTakenInOnce() {
        String shopifyId = String.valueOf(4_000_000_000L + (long) (Math.random() * 1_000_000_000L));
        String body = """
                {"id": %s, "name": "#1042", "email": "Linus@Example.com", "currency": "EUR",
                 "shipping_address": {"first_name": "Linus", "last_name": "Torvalds", "address1": "Kaivokatu 1",
                   "address2": "Floor 2", "city": "Helsinki", "zip": "00100", "country_code": "FI"},
                 "line_items": [{"id": 1, "sku": "PT-CHAIR-01", "quantity": 2, "title": "Office Chair"}]}"""
                .formatted(shopifyId);
        String signature = Base64.getEncoder().encodeToString(hmac("shopify-test-secret", body));

        String orderId = given().contentType(ContentType.JSON)
                .header("X-Shopify-Hmac-Sha256", signature)
                .body(body)
                .when()
                .post("/webhooks/shopify/corner-shop")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("corner"))
                .body("externalId", equalTo(shopifyId))
                .body("customer.name", equalTo("Linus Torvalds"))
                .body("customer.street", equalTo("Kaivokatu 1, Floor 2"))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("X-Shopify-Hmac-Sha256", signature)
                .body(body)
                .when()
                .post("/webhooks/shopify/corner-shop")
                .then()
                .statusCode(200)
                .body("id", equalTo(orderId));
        given().contentType(ContentType.JSON)
                .header("X-Shopify-Hmac-Sha256", signature)
                .body(body.replace("\"quantity\": 2", "\"quantity\": 20"))
                .when()
                .post("/webhooks/shopify/corner-shop")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/webhooks/shopify/corner-shop")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .header("X-Shopify-Hmac-Sha256", signature)
                .body(body)
                .when()
                .post("/webhooks/shopify/nobody")
                .then()
                .statusCode(404);
        awaitStatus(orderId, "RELEASED");
        assertThat(odooOrders("corner-shop:" + shopifyId)).hasSize(1);
    }

    @Test
    void marketplaceOrdersForWarehouseTwoAreReleasedToItsThirdPartyLogistics() throws Exception {
        String marketplaceId = "114-" + UUID.randomUUID();
        String body = """
                {"marketplaceOrderId": "%s", "purchaseDate": "2026-11-23T08:00:00Z",
                 "buyer": {"name": "Ada", "email": "ada@example.com"},
                 "shipTo": {"name": "Ada Lovelace", "addressLine1": "12 Dock Road", "city": "Rotterdam",
                   "postalCode": "3011 AA", "countryCode": "NL"},
                 "items": [{"sellerSku": "PT-DESK-01", "quantityOrdered": 1}, {"sellerSku": "PT-LAMP-01", "quantityOrdered": 3}]}"""
                .formatted(marketplaceId);
        String orderId = given().contentType(ContentType.JSON)
                .header("X-Marketplace-Signature", HexFormat.of().formatHex(hmac("bazaar-test-secret", body)))
                .body(body)
                .when()
                .post("/webhooks/marketplace/bazaar")
                .then()
                .statusCode(201)
                .body("warehouse", equalTo("WH2"))
                .extract()
                .path("id");

        JsonPath released = awaitStatus(orderId, "RELEASED");
        assertThat(released.getString("fulfiller.type")).isEqualTo("THIRD_PARTY");
        assertThat(released.getString("fulfiller.id")).isEqualTo("acme-3pl");
        JsonNode event = JSON.readTree(events(orderId, 3).get(2).value());
        assertThat(event.path("fulfiller").path("id").asText()).isEqualTo("acme-3pl");
        assertThat(event.path("warehouse").asText()).isEqualTo("WH2");
    }

    private static JsonPath openException(String orderId) {
        return await().atMost(WAIT)
                .until(() -> given().queryParam("type", "order.unknown-sku")
                        .queryParam("status", "OPEN")
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(), list -> list.getList("businessKey").contains(orderId))
                .setRootPath("find { it.businessKey == '" + orderId + "' }");
    }

    static byte[] hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
