package io.portage.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventResourceTest {

    static String event(String id, String key, String occurredAt) {
        return """
                {%s"type":"scan.pick.confirmed","key":"%s","priority":"DISPATCH","occurredAt":%s,
                 "payload":{"sku":"SKU-CHAIR-01","quantity":2,"scanner":"RF-07"}}"""
                .formatted(id == null ? "" : "\"id\":\"" + id + "\",", key,
                        occurredAt == null ? "null" : "\"" + occurredAt + "\"");
    }

    static long pending() {
        return given().when().get("/api/v1/backlog").then().statusCode(200).extract().jsonPath().getLong("pending");
    }

    @Test
    void anEventIsStoredOnceHoweverOftenTheScannerSendsIt() {
        String id = UUID.randomUUID().toString();
        long before = pending();
        given().contentType(ContentType.JSON)
                .body(event(id, "ORDER-1", "2026-11-23T08:00:00Z"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("status", equalTo("stored"));
        given().contentType(ContentType.JSON)
                .body(event(id, "ORDER-1", "2026-11-23T08:00:00Z"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(200)
                .body("status", equalTo("duplicate"));
        given().when()
                .get("/api/v1/backlog")
                .then()
                .body("pending", equalTo((int) before + 1))
                .body("byPriority.DISPATCH", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void anEventWithoutIdGetsOneAtTheEdge() {
        given().contentType(ContentType.JSON)
                .body(event(null, "ORDER-2", "2026-11-23T08:01:00Z"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(202)
                .body("id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void aBatchIsAllOrNothing() {
        long before = pending();
        String repeated = UUID.randomUUID().toString();
        String batch = "[" + event(repeated, "TRAILER-9", "2026-11-23T08:02:00Z") + ","
                + event(null, "TRAILER-9", "2026-11-23T08:03:00Z")
                + "," + event(repeated, "TRAILER-9", "2026-11-23T08:02:00Z") + "]";
        given().contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post("/api/v1/events/batch")
                .then()
                .statusCode(202)
                .body("$", hasSize(3))
                .body("status", equalTo(java.util.List.of("stored", "stored", "duplicate")));
        long afterGood = pending();
        org.assertj.core.api.Assertions.assertThat(afterGood).isEqualTo(before + 2);

        String bad = "[" + event(null, "TRAILER-9", "2026-11-23T08:04:00Z") + "," + event(null, "TRAILER-9", null) + "]";
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/events/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("[1].occurredAt"));
        org.assertj.core.api.Assertions.assertThat(pending()).isEqualTo(afterGood);
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        given().contentType(ContentType.JSON)
                .body("{\"type\":")
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("body"));
        given().contentType(ContentType.JSON)
                .body(event("not-a-uuid", "K", "yesterday"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(event("not-a-uuid", "K", "2026-11-23T08:00:00Z"))
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"Scan Pick\",\"key\":\"K\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"payload\":[1,2]}")
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[]").when().post("/api/v1/events/batch").then().statusCode(400);
        String huge = "{\"type\":\"scan.big\",\"key\":\"K\",\"occurredAt\":\"2026-11-23T08:00:00Z\",\"payload\":{\"blob\":\""
                + "x".repeat(70_000) + "\"}}";
        given().contentType(ContentType.JSON)
                .body(huge)
                .when()
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("payload"));
    }

    @Test
    void healthAndMetricsReportTheStore() {
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("event-store"));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("portage_edge_backlog_events"));
    }
}
