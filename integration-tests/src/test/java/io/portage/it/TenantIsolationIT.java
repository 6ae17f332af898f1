package io.portage.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;

/**
 * Partner A against partner B over every partner route, with the realm's real tokens: through the gateway, and
 * straight at the services as if the gateway were bypassed (each service verifies the token itself). Another
 * partner's record is answered 404 (its existence is not revealed), lists leave it out, and no route answers
 * without a valid token.
 */
class TenantIsolationIT {

    static RunningSuite suite;
    static String northwind;
    static String acme;
    static String swift;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
        northwind = suite.token("northwind-shop", "northwind-dev-secret");
        acme = suite.token("acme-3pl", "acme-dev-secret");
        swift = suite.token("swift-carrier", "swift-dev-secret");
    }

    static RequestSpecification gateway(String token) {
        return given().baseUri(suite.gateway.baseUrl()).auth().oauth2(token);
    }

    @Test
    void noRouteAnswersWithoutAValidToken() {
        String id = UUID.randomUUID().toString();
        List<String[]> routes = List.of(
                new String[]{"GET", "/api/v1/me"},
                new String[]{"POST", "/api/v1/orders"},
                new String[]{"GET", "/api/v1/orders/" + id},
                new String[]{"PATCH", "/api/v1/orders/" + id},
                new String[]{"POST", "/api/v1/orders/" + id + "/cancel"},
                new String[]{"GET", "/api/v1/shipments"},
                new String[]{"GET", "/api/v1/shipments/" + id},
                new String[]{"POST", "/api/v1/appointments"},
                new String[]{"GET", "/api/v1/appointments?site=WH1&date=2026-12-01"},
                new String[]{"GET", "/api/v1/appointments/" + id},
                new String[]{"POST", "/api/v1/edge/events"},
                new String[]{"POST", "/api/v1/webhooks/subscriptions"},
                new String[]{"GET", "/api/v1/webhooks/subscriptions"},
                new String[]{"GET", "/api/v1/webhooks/subscriptions/" + id},
                new String[]{"DELETE", "/api/v1/webhooks/subscriptions/" + id},
                new String[]{"POST", "/api/v1/webhooks/subscriptions/" + id + "/enable"},
                new String[]{"GET", "/api/v1/webhooks/subscriptions/" + id + "/deliveries"},
                new String[]{"POST", "/api/v1/webhooks/subscriptions/" + id + "/deliveries/1/replay"},
                new String[]{"GET", "/api/v1/ops/order-service/exceptions"},
                new String[]{"POST", "/api/v1/ops/partners"});
        for (String forged : new String[]{null, "not-a-jwt", northwind.substring(0, northwind.length() - 4) + "AAAA"}) {
            for (String[] route : routes) {
                RequestSpecification request = given().baseUri(suite.gateway.baseUrl())
                        .contentType("application/json")
                        .body("{}");
                if (forged != null) {
                    request.auth().oauth2(forged);
                }
                request.when().request(route[0], route[1]).then().statusCode(401);
            }
        }
        // Straight at the services, too.
        for (String[] call : new String[][]{{suite.orders.baseUrl(), "/api/v1/orders/" + id},
                {suite.shipments.baseUrl(), "/api/v1/shipments/" + id}, {suite.yard.baseUrl(), "/api/v1/appointments/" + id},
                {suite.orders.baseUrl(), "/ops/exceptions"}}) {
            given().baseUri(call[0]).header("X-Portage-Partner-Id", "northwind").when().get(call[1]).then().statusCode(401);
        }
    }

    @Test
    void partnersSeeAndChangeOnlyTheirOwnOrdersAndShipments() {
        String externalId = "ISO-" + UUID.randomUUID();
        String orderId = gateway(northwind).contentType("application/json")
                .body(OrderToShipmentIT.order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("northwind"))
                .extract()
                .path("id");
        String order = "/api/v1/orders/" + orderId;
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> gateway(northwind).queryParam("orderId", orderId)
                        .when()
                        .get("/api/v1/shipments")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(1)));
        String shipmentId = gateway(northwind).queryParam("orderId", orderId)
                .when()
                .get("/api/v1/shipments")
                .then()
                .body("[0].partnerId", equalTo("northwind"))
                .extract()
                .path("[0].id");
        gateway(northwind).when().get("/api/v1/shipments/" + shipmentId).then().statusCode(200);

        // acme holds orders:read and shipments:read, but not for northwind's records.
        gateway(acme).when().get(order).then().statusCode(404).contentType("application/problem+json");
        gateway(acme).queryParam("orderId", orderId)
                .when()
                .get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        gateway(acme).when().get("/api/v1/shipments").then().statusCode(200).body("partnerId", everyItem(equalTo("acme")));
        gateway(acme).when().get("/api/v1/shipments/" + shipmentId).then().statusCode(404);
        // Writes: acme lacks orders:write (403); swift has no order scope at all.
        gateway(acme).header("If-Match", "\"0\"")
                .contentType("application/json")
                .body(Map.of("lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 1))))
                .when()
                .patch(order)
                .then()
                .statusCode(403);
        gateway(swift).when().get(order).then().statusCode(403);
        gateway(swift).contentType("application/json")
                .body(Map.of("reason", "not mine"))
                .when()
                .post(order + "/cancel")
                .then()
                .statusCode(403);

        // The gateway bypassed: the services refuse the same, whatever header names another partner.
        given().baseUri(suite.orders.baseUrl())
                .auth()
                .oauth2(acme)
                .header("X-Portage-Partner-Id", "northwind")
                .when()
                .get(order)
                .then()
                .statusCode(404);
        given().baseUri(suite.orders.baseUrl())
                .auth()
                .oauth2(acme)
                .when()
                .get("/api/v1/orders?partnerId=northwind")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(orderId)));
        given().baseUri(suite.shipments.baseUrl())
                .auth()
                .oauth2(acme)
                .header("X-Portage-Partner-Id", "northwind")
                .when()
                .get("/api/v1/shipments/" + shipmentId)
                .then()
                .statusCode(404);
        given().baseUri(suite.orders.baseUrl())
                .auth()
                .oauth2(acme)
                .contentType("application/json")
                .body(Map.of("reason", "not mine"))
                .when()
                .post(order + "/cancel")
                .then()
                .statusCode(403);

        // The owner still sees its order unchanged.
        gateway(northwind).when().get(order).then().statusCode(200).body("status", not(equalTo("CANCELLED")));
    }

    @Test
    void carriersSeeOnlyTheirOwnAppointments() {
        Instant start = Instant.now()
                .plus(30 + (long) (Math.random() * 300), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS);
        String dock = "D" + (int) (Math.random() * 900 + 100);
        // The site's rules are an operator's: open all day, one dock with one door.
        String site = "ISO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        given().baseUri(suite.yard.baseUrl())
                .auth()
                .oauth2(suite.token("portage-ops", "portage-ops-dev-secret"))
                .contentType("application/json")
                .body(Map.of("timeZone", "UTC", "slotMinutes", 15, "openingHours",
                        java.util.Arrays.stream(java.time.DayOfWeek.values())
                                .map(day -> Map.of("day", day.name(), "opens", "00:00", "closes", "00:00"))
                                .toList(),
                        "docks", List.of(Map.of("code", dock, "doors", List.of(Map.of("code", dock + "-1"))))))
                .when()
                .put("/ops/yard/sites/" + site)
                .then()
                .statusCode(200);
        Map<String, Object> booking = Map.of("site", site, "dock", dock, "direction", "INBOUND", "carrier", "swift",
                "reference", "PO-" + UUID.randomUUID().toString().substring(0, 8), "slotStart", start.toString(),
                "slotEnd", start.plus(1, ChronoUnit.HOURS).toString());
        String appointmentId = gateway(swift).contentType("application/json")
                .body(booking)
                .when()
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("swift"))
                .extract()
                .path("id");
        String date = LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
        gateway(swift).when().get("/api/v1/appointments/" + appointmentId).then().statusCode(200);
        gateway(swift).queryParam("site", site)
                .queryParam("date", date)
                .when()
                .get("/api/v1/appointments")
                .then()
                .statusCode(200)
                .body("id", hasItem(appointmentId));

        gateway(acme).when().get("/api/v1/appointments/" + appointmentId).then().statusCode(404);
        gateway(acme).queryParam("site", site)
                .queryParam("date", date)
                .when()
                .get("/api/v1/appointments")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(appointmentId)));
        given().baseUri(suite.yard.baseUrl())
                .auth()
                .oauth2(acme)
                .header("X-Portage-Partner-Id", "swift")
                .when()
                .get("/api/v1/appointments/" + appointmentId)
                .then()
                .statusCode(404);
        // acme books docks too, but cannot move or cancel swift's; swift moves and cancels its own, once per key.
        String appointment = "/api/v1/appointments/" + appointmentId;
        gateway(acme).contentType("application/json")
                .body(Map.of("reason", "not mine"))
                .when()
                .post(appointment + "/cancel")
                .then()
                .statusCode(404);
        Instant later = start.plus(2, ChronoUnit.HOURS);
        gateway(swift).contentType("application/json")
                .body(Map.of("slotStart", later.toString(), "slotEnd", later.plus(1, ChronoUnit.HOURS).toString(), "reason",
                        "driver delayed"))
                .when()
                .post(appointment + "/reschedule")
                .then()
                .statusCode(200)
                .body("slotStart", equalTo(later.toString()));
        for (int attempt = 0; attempt < 2; attempt++) {
            gateway(swift).header("Idempotency-Key", "cancel-" + appointmentId)
                    .contentType("application/json")
                    .body(Map.of("reason", "load not ready"))
                    .when()
                    .post(appointment + "/cancel")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"));
        }
        // northwind (a shop) may not book docks at all.
        gateway(northwind).contentType("application/json")
                .body(booking)
                .when()
                .post("/api/v1/appointments")
                .then()
                .statusCode(403);
    }

    @Test
    void partnersManageOnlyTheirOwnWebhookSubscriptions() {
        String id = gateway(northwind).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/northwind-hooks", "eventTypes",
                        List.of("io.portage.order.released.v2")))
                .when()
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String subscription = "/api/v1/webhooks/subscriptions/" + id;
        gateway(acme).when().get(subscription).then().statusCode(404);
        gateway(acme).when().get(subscription + "/deliveries").then().statusCode(404);
        gateway(acme).when().post(subscription + "/enable").then().statusCode(404);
        gateway(acme).when().post(subscription + "/deliveries/1/replay").then().statusCode(404);
        gateway(acme).when().delete(subscription).then().statusCode(404);
        gateway(acme).when().get("/api/v1/webhooks/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
        gateway(northwind).when().get(subscription).then().statusCode(200);
    }

    @Test
    void partnersReachNeitherOperationsNorAnotherPartnersDoor() {
        for (String partner : List.of(northwind, acme, swift)) {
            gateway(partner).when().get("/api/v1/ops/order-service/exceptions").then().statusCode(403);
            gateway(partner).contentType("application/json")
                    .body(Map.of("partnerId", "x"))
                    .when()
                    .post("/api/v1/ops/partners")
                    .then()
                    .statusCode(403);
            given().baseUri(suite.orders.baseUrl())
                    .auth()
                    .oauth2(partner)
                    .when()
                    .get("/ops/exceptions")
                    .then()
                    .statusCode(403);
        }
        // Only the edge agent's client may post warehouse events.
        gateway(northwind).contentType("application/json")
                .body(Map.of("events", List.of()))
                .when()
                .post("/api/v1/edge/events")
                .then()
                .statusCode(403);
    }
}
