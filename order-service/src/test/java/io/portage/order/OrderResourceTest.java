package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.portage.contracts.Topics;
import io.portage.testsupport.Fuzz;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class OrderResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySpanExporter spans;

    static Map<String, Object> order(String externalId) {
        return Map.of(
                "channel", "northwind-shop",
                "externalId", externalId,
                "warehouse", "WH1",
                "customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                        "address",
                        Map.of("street", "12 Dock Road", "city", "Rotterdam", "postalCode", "3011 AA", "country", "NL")),
                "lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 2), Map.of("sku", "PT-DESK-01", "quantity", 1.5)));
    }

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void receivesAnOrderStoresItAndPublishesOrderReceived() throws Exception {
        String externalId = "NW-" + UUID.randomUUID();
        String orderId = given().contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-" + externalId)
                .auth()
                .oauth2(TestTokens.partner("northwind"))
                .body(order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/orders/"))
                .header("X-Correlation-Id", equalTo("corr-" + externalId))
                .body("status", equalTo("ACCEPTED"))
                .body("partnerId", equalTo("northwind"))
                .body("lines.sku", hasItems("PT-CHAIR-01", "PT-DESK-01"))
                .extract()
                .path("id");

        given().when()
                .get("/api/v1/orders/" + orderId)
                .then()
                .statusCode(200)
                .body("externalId", equalTo(externalId))
                .body("customer.country", equalTo("NL"))
                .body("lines[1].quantity", equalTo(1.5f));

        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.ORDERS, r -> orderId.equals(r.key()));
        assertThat(TestKafka.header(event, "ce_type")).isEqualTo("io.portage.order.received.v1");
        assertThat(TestKafka.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(TestKafka.header(event, "ce_subject")).isEqualTo(orderId);
        assertThat(TestKafka.header(event, "ce_source")).isEqualTo("urn:portage:order-service");
        assertThat(TestKafka.header(event, "ce_correlationid")).isEqualTo("corr-" + externalId);
        assertThat(TestKafka.header(event, "ce_partnerid")).isEqualTo("northwind");
        assertThat(TestKafka.header(event, "ce_id")).isNotBlank();
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("externalId").asText()).isEqualTo(externalId);
        assertThat(data.path("lines")).hasSize(2);
    }

    @Test
    void theEventContinuesTheTraceOfTheRequestThatStoredIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String externalId = "NW-" + UUID.randomUUID();
        String orderId = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Correlation-Id", "corr-" + externalId)
                .body(order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.ORDERS, r -> orderId.equals(r.key()));
        assertThat(TestKafka.header(event, "traceparent")).as("W3C traceparent header").isNotNull();
        String[] traceparent = TestKafka.header(event, "traceparent").split("-");
        assertThat(traceparent[1]).as("the record carries the request's trace").isEqualTo(traceId);

        // The relay's publish span is the record's parent, under the span of the request that staged the event.
        SpanData publish = awaitSpan(span -> span.getKind() == SpanKind.PRODUCER && span.getTraceId().equals(traceId));
        assertThat(publish.getSpanId()).isEqualTo(traceparent[2]);
        assertThat(publish.getName()).isEqualTo("send " + Topics.ORDERS);
        assertThat(publish.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
                .isEqualTo(TestKafka.header(event, "ce_id"));
        assertThat(publish.getAttributes().get(AttributeKey.stringKey("portage.correlation_id")))
                .isEqualTo("corr-" + externalId);
        SpanData request = awaitSpan(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId));
        assertThat(request.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(ancestors(publish)).contains(request.getSpanId());
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> spans.getFinishedSpanItems().stream().filter(wanted).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private List<String> ancestors(SpanData span) {
        Map<String, String> parents = new java.util.HashMap<>();
        spans.getFinishedSpanItems().forEach(s -> parents.put(s.getSpanId(), s.getParentSpanId()));
        List<String> chain = new java.util.ArrayList<>();
        for (String id = span.getParentSpanId(); id != null && !chain.contains(id); id = parents.get(id)) {
            chain.add(id);
        }
        return chain;
    }

    @Test
    void resubmittingTheSameOrderReturnsTheFirstOneAndPublishesOnce() {
        String externalId = "NW-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON)
                .body(order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));

        List<ConsumerRecord<String, String>> events = TestKafka.recordsWithin(Topics.ORDERS, java.time.Duration.ofSeconds(3),
                r -> first.equals(r.key()) && "io.portage.order.received.v1".equals(TestKafka.header(r, "ce_type")));
        assertThat(events).hasSize(1);
    }

    @Test
    void concurrentDuplicateSubmissionsMakeOneOrder() throws Exception {
        String externalId = "NW-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Response>> calls = IntStream.range(0, 5)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> given().contentType(ContentType.JSON).body(order(externalId)).when().post("/api/v1/orders"),
                            pool))
                    .toList();
            List<Response> responses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201);
            assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            assertThat(responses).extracting(r -> r.path("id").toString()).containsOnly(responses.get(0).path("id").toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidFieldsAreProblemsWithTheirPaths() {
        Map<String, Object> bad = Map.of(
                "channel", "Northwind Shop",
                "externalId", "NW-bad",
                "customer", Map.of("name", "", "address",
                        Map.of("street", "1 Road", "city", "Rotterdam", "postalCode", "3011", "country", "Netherlands")),
                "lines", List.of(Map.of("sku", "SKU-1", "quantity", 0)));
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://docs.portage.io/problems/invalid-request"))
                .body("correlationId", notNullValue())
                .body("violations.field",
                        hasItems("channel", "customer.name", "customer.address.country", "lines[0].quantity"));
    }

    @Test
    void missingAndMalformedBodiesAreProblemsNotServerErrors() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"x\", ")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/malformed-json"));

        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));

        Map<String, Object> wrongType = new java.util.HashMap<>(order("NW-type"));
        wrongType.put("lines", List.of(Map.of("sku", "SKU-1", "quantity", "two")));
        given().contentType(ContentType.JSON)
                .body(wrongType)
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("lines[0].quantity"));

        given().contentType(ContentType.JSON)
                .body("[1,2,3]")
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownOrderIsNotFound() {
        given().when()
                .get("/api/v1/orders/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void healthAndMetricsAreExposed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void fuzzedBodiesAreNeverServerErrorsAndOnlyWholeOrdersAreStored() throws Exception {
        java.util.Random random = new java.util.Random(20261123L);
        // Keys in a fixed order, so the same seed makes the same 300 bodies in every JVM (Map.of's order is not).
        ObjectMapper sorted = JSON.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        String channel = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, java.util.Set<String>> createdByPartner = new java.util.TreeMap<>();
        int created = 0;
        for (int i = 0; i < 300; i++) {
            JsonNode valid = sorted.valueToTree(order("F-" + i));
            ((com.fasterxml.jackson.databind.node.ObjectNode) valid).put("channel", channel);
            String body = Fuzz.mutate(valid, random);
            Response response = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/orders");
            assertThat(response.statusCode()).as("case %d: %s -> %s", i, body, response.asString()).isLessThan(500);
            if (response.statusCode() >= 400) {
                assertThat(response.contentType()).as("case %d", i).startsWith("application/problem+json");
            }
            if (response.statusCode() == 201) {
                // A mutation may leave a valid order for another channel (a number where the name was): the order
                // then belongs to that channel, so it is looked for there.
                createdByPartner.computeIfAbsent(response.jsonPath().getString("partnerId"), p -> new java.util.TreeSet<>())
                        .add(response.jsonPath().getString("id"));
                created++;
            }
        }
        // Nothing half-written: the fuzz channel holds exactly the orders that were answered 201, and every order
        // answered 201 for another channel is found there.
        for (Map.Entry<String, java.util.Set<String>> expected : createdByPartner.entrySet()) {
            List<String> stored = given().queryParam("partnerId", expected.getKey())
                    .queryParam("limit", 500)
                    .when()
                    .get("/api/v1/orders")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("id", String.class);
            if (expected.getKey().equals(channel)) {
                assertThat(stored).as("orders of %s", channel).containsExactlyInAnyOrderElementsOf(expected.getValue());
            } else {
                // The same seed makes the same odd channel names in every run, and a reused database keeps them.
                assertThat(stored).as("orders of %s", expected.getKey()).containsAll(expected.getValue());
            }
        }
        assertThat(createdByPartner).containsKey(channel);
        assertThat(created).as("some mutations stay valid").isPositive().isLessThan(300);
    }

    @Test
    void theOdooWebhookWantsItsToken() {
        given().when()
                .get("/ops/odoo-sync")
                .then()
                .statusCode(200)
                .body("model", org.hamcrest.Matchers.hasItems("product.product", "res.partner", "stock.warehouse",
                        "stock.location", "delivery.carrier", "sale.order", "stock.picking", "account.move"));
        given().contentType("application/json")
                .body("{\"_model\":\"sale.order\",\"_id\":1}")
                .when()
                .post("/odoo/webhook")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
