package io.portage.edge;

import static io.portage.edge.TestKeys.asDevice;
import static io.portage.edge.TestKeys.asOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.Socket;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.edge.repository.EventStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The intake endpoints against the running agent. The store file outlives a run (target/test-edge-events.db), so
 * every test uses fresh ids and compares counts before and after.
 */
@QuarkusTest
class EventResourceTest {

    @Inject
    EventStore store;

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** An event as a scanner posts it; a null id or occurredAt leaves the field out. */
    static String event(String id, String key, String occurredAt) {
        return """
                {%s"type":"scan.pick.confirmed","key":"%s","priority":"DISPATCH",%s
                 "payload":{"sku":"SKU-CHAIR-01","quantity":2,"scanner":"RF-07"}}"""
                .formatted(id == null ? "" : "\"id\":\"" + id + "\",", key,
                        occurredAt == null ? "" : "\"occurredAt\":\"" + occurredAt + "\",");
    }

    static JsonPath backlog() {
        return asOperator().when().get("/api/v1/backlog").then().statusCode(200).extract().jsonPath();
    }

    static long pending() {
        return backlog().getLong("pending");
    }

    static double metric(String name) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)").matcher(text);
        assertThat(line.find()).as("metric %s in /q/metrics: %s", name,
                text.lines().filter(l -> l.contains("portage_edge")).toList()).isTrue();
        return Double.parseDouble(line.group(1));
    }

    static void rejected(String path, String body, String field) {
        asDevice().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }

    @Test
    void anEventIsStoredOnceHoweverOftenTheScannerSendsIt() {
        String id = UUID.randomUUID().toString();
        long before = pending();
        long dispatchBefore = backlog().getLong("byPriority.DISPATCH");
        double duplicatesBefore = metric("portage_edge_duplicates_total");

        asDevice().contentType(ContentType.JSON)
                .body(event(id, "ORDER-1", "2026-11-23T08:00:00Z"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("status", equalTo("stored"));
        asDevice().contentType(ContentType.JSON)
                .body(event(id, "ORDER-1", "2026-11-23T08:00:00Z"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("duplicate"));

        JsonPath backlog = backlog();
        assertThat(backlog.getLong("pending")).isEqualTo(before + 1);
        assertThat(backlog.getLong("byPriority.DISPATCH")).isEqualTo(dispatchBefore + 1);
        assertThat(backlog.getMap("byPriority")).containsOnlyKeys("GATE", "DISPATCH", "NORMAL", "TELEMETRY");
        assertThat(backlog.getLong("oldestPendingAgeSeconds")).isNotNegative();
        assertThat(backlog.getLong("storeBytes")).isPositive();
        assertThat(metric("portage_edge_duplicates_total")).isEqualTo(duplicatesBefore + 1);
        assertThat(metric("portage_edge_backlog_events")).isEqualTo(before + 1);
    }

    @Test
    void anEventWithoutIdGetsOneAtTheEdge() {
        asDevice().contentType(ContentType.JSON)
                .body(event(null, "ORDER-2", "2026-11-23T08:01:00Z"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(202)
                .body("id", matchesPattern(UUID_PATTERN))
                .body("status", equalTo("stored"));
    }

    @Test
    void anEventWithoutPriorityIsNormal() {
        long normalBefore = backlog().getLong("byPriority.NORMAL");
        asDevice().contentType(ContentType.JSON)
                .body("""
                        {"type":"wms.putaway.done","key":"ASN-4","occurredAt":"2026-11-23T08:05:00Z","payload":{}}""")
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(202);
        assertThat(backlog().getLong("byPriority.NORMAL")).isEqualTo(normalBefore + 1);
    }

    @Test
    void aBatchIsStoredInOneGoWithAReceiptPerEventInOrder() {
        long before = pending();
        String repeated = UUID.randomUUID().toString();
        String batch = "[" + event(repeated, "TRAILER-9", "2026-11-23T08:02:00Z") + ","
                + event(null, "TRAILER-9", "2026-11-23T08:03:00Z") + ","
                + event(repeated, "TRAILER-9", "2026-11-23T08:02:00Z") + "]";
        asDevice().contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post("/api/v1/events/batch")
                .then()
                .statusCode(202)
                .body("$", hasSize(3))
                .body("[0].id", equalTo(repeated))
                .body("[1].id", matchesPattern(UUID_PATTERN))
                .body("[2].id", equalTo(repeated))
                .body("status", equalTo(List.of("stored", "stored", "duplicate")));
        assertThat(pending()).isEqualTo(before + 2);
    }

    @Test
    void aBatchWithOneInvalidEventStoresNothing() {
        long before = pending();
        String bad = "[" + event(null, "TRAILER-9", "2026-11-23T08:04:00Z") + "," + event(null, "TRAILER-9", null) + ","
                + event(null, "TRAILER-9", "2026-11-23T08:05:00Z") + "]";
        asDevice().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/events/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("[1].occurredAt")));

        String oversized = "[" + event(null, "TRAILER-9", "2026-11-23T08:04:00Z")
                + ",{\"type\":\"scan.big\",\"key\":\"K\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"payload\":{\"blob\":\""
                + "x".repeat(70_000) + "\"}}]";
        rejected("/api/v1/events/batch", oversized, "[1].payload");
        assertThat(pending()).isEqualTo(before);
    }

    @Test
    void aBatchHoldsOneToAThousandEvents() {
        rejected("/api/v1/events/batch", "[]", "body");
        String event = event(null, "K", "2026-11-23T08:00:00Z");
        rejected("/api/v1/events/batch", "[" + String.join(",", Collections.nCopies(1001, event)) + "]", "body");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        asDevice().contentType(ContentType.JSON)
                .body("{\"type\":")
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        asDevice().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        rejected("/api/v1/events", event(UUID.randomUUID().toString(), "K", "yesterday"), "occurredAt");
        rejected("/api/v1/events", event("not-a-uuid", "K", "2026-11-23T08:00:00Z"), "id");
        rejected("/api/v1/events", event(null, "K", "2026-11-23T08:00:00Z").replace("DISPATCH", "URGENT"), "priority");
        rejected("/api/v1/events", """
                {"type":"scan.pick","key":"K","occurredAt":"2026-11-23T08:00:00Z","payload":[1,2]}""", "payload");
        rejected("/api/v1/events", """
                {"type":"Scan Pick","key":"K","occurredAt":"2026-11-23T08:00:00Z","payload":{}}""", "type");
        rejected("/api/v1/events", """
                {"type":"scan.pick","key":"%s","occurredAt":"2026-11-23T08:00:00Z","payload":{}}""".formatted("K".repeat(101)),
                "key");
        rejected("/api/v1/events", """
                {"type":"scan.pick","occurredAt":"2026-11-23T08:00:00Z"}""", "key");
        for (String[] wrongShape : new String[][]{{"/api/v1/events", "[" + event(null, "K", "2026-11-23T08:00:00Z") + "]"},
                {"/api/v1/events/batch", event(null, "K", "2026-11-23T08:00:00Z")}, {"/api/v1/events", "42"}}) {
            asDevice().contentType(ContentType.JSON)
                    .body(wrongShape[1])
                    .when()
                    .post(wrongShape[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        rejected("/api/v1/events/batch", "[" + event(null, "K", "2026-11-23T08:00:00Z") + ",null]", "[1]");
        String huge = "{\"type\":\"scan.big\",\"key\":\"K\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"payload\":{\"blob\":\""
                + "x".repeat(70_000) + "\"}}";
        rejected("/api/v1/events", huge, "payload");
        for (String limit : new String[]{"0", "10001", "ten"}) {
            asOperator().queryParam("limit", limit)
                    .when()
                    .get("/api/v1/dead-letters")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("limit")));
        }
    }

    @Test
    void everyBrokenFieldOfABatchIsNamedInOneAnswer() {
        long before = pending();
        String batch = "[" + event(null, "K", "2026-11-23T08:00:00Z").replace("scan.pick.confirmed", "Scan Pick") + ","
                + event(null, "K", "2026-11-23T08:00:00Z") + ","
                + """
                        {"id":"not-a-uuid","type":"scan.pick","key":" ","occurredAt":"2026-11-23T08:00:00+01:00"}"""
                + "]";
        asDevice().contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post("/api/v1/events/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("4 fields are invalid"))
                .body("violations.field", equalTo(List.of("[0].type", "[2].id", "[2].key", "[2].payload")))
                .body("violations.message", equalTo(List.of("must be lower-case and dotted, like scan.pick.confirmed",
                        "must be a UUID", "must not be blank", "must not be null")));
        for (String payload : new String[]{"\"text\"", "42", "true"}) {
            rejected("/api/v1/events", """
                    {"type":"scan.pick","key":"K","occurredAt":"2026-11-23T08:00:00Z","payload":%s}""".formatted(payload),
                    "payload");
        }
        assertThat(pending()).isEqualTo(before);
    }

    @Test
    void thePayloadIsKeptAsSentAndAnOffsetTimeAsItsInstant() {
        String id = UUID.randomUUID().toString();
        asDevice().contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","type":"scan.pick","key":"K-7","occurredAt":"2026-11-23T09:30:00.5+01:00",
                         "payload":{"sku":"SKU-1","lines":[{"qty":2,"note":"caf\u00e9 \\"A\\""}],"empty":{},"n":null}}"""
                        .formatted(id))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(202);
        var stored = store.pending(100_000)
                .stream()
                .filter(event -> event.id().toString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(stored.occurredAt()).isEqualTo(Instant.parse("2026-11-23T08:30:00.5Z"));
        assertThat(stored.payload())
                .isEqualTo("{\"sku\":\"SKU-1\",\"lines\":[{\"qty\":2,\"note\":\"café \\\"A\\\"\"}],\"empty\":{},\"n\":null}");
    }

    @Test
    void aRequestThatWouldOverrunTheIntakeBudgetIsToldToComeBackAndStoresNothing() throws Exception {
        long before = pending();
        double busyBefore = metric("portage_edge_intake_busy_total");
        String batch = "[" + event(null, "DOCK-3", "2026-11-23T08:00:00Z") + "]";
        // A WMS sending a 2 MB batch slowly: alone, it is let in (the test budget is 1 MB) and holds the budget.
        try (Socket slow = SlowBatch.holdTheBudget()) {
            Response busy = await("a 503 while the slow batch is read", () -> asDevice().contentType(ContentType.JSON)
                    .body(batch)
                    .post("/api/v1/events/batch"), response -> response.statusCode() == 503);
            busy.then()
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("type", equalTo("https://docs.portage.io/problems/intake-busy"))
                    .body("status", equalTo(503));
            assertThat(pending()).isEqualTo(before);
        }
        // The slow sender gave up: its bytes are released and the batch gets in.
        await("202 once the slow batch is gone", () -> asDevice().contentType(ContentType.JSON)
                .body(batch)
                .post("/api/v1/events/batch"), response -> response.statusCode() == 202);
        assertThat(pending()).isEqualTo(before + 1);
        assertThat(metric("portage_edge_intake_busy_total")).isGreaterThan(busyBefore);
    }

    static Response await(String what, Supplier<Response> call, Predicate<Response> until) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Response response = call.get();
            if (until.test(response)) {
                return response;
            }
            assertThat(Instant.now()).as("waiting for %s, last answer %d %s", what, response.statusCode(),
                    response.asString()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void healthAndMetricsReportTheStore() {
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("event-store"));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("portage_edge_backlog_events"))
                .body(containsString("portage_edge_duplicates_total"));
        assertThat(metric("portage_edge_backlog_events")).isEqualTo((double) pending());
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/events/batch"));
        asOperator().when().get("/api/v1/backlog").then().body("pending", greaterThanOrEqualTo(0));
    }
}
