package io.portage.gateway;

import static io.portage.gateway.OrderRoutesTest.recorded;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Operators reach the services' operations APIs through the gateway only with the ops role and scope, and the operator
 * the service records is the token's.
 */
@QuarkusTest
@QuarkusTestResource(StubOrderService.class)
class OpsRoutesTest {

    private static String operator(String name, List<String> roles, String scope) {
        return TestTokens.partner("ignored", scope)
                .claim("partner_id", null)
                .claim("preferred_username", name)
                .claim("realm_access", Map.of("roles", roles))
                .sign();
    }

    private static Map<String, Object> sent(String correlation) {
        return recorded().stream().filter(r -> correlation.equals(r.get("correlation"))).findFirst().orElseThrow();
    }

    @Test
    void onlyOperatorsGetThrough() {
        given().when().get("/api/v1/ops/order-service/dead-letters").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("northwind", "orders:write orders:read").sign())
                .when()
                .get("/api/v1/ops/order-service/dead-letters")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(operator("eve", List.of("partner"), "ops"))
                .when()
                .get("/api/v1/ops/order-service/dead-letters")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(operator("eve", List.of("ops"), "orders:read"))
                .when()
                .get("/api/v1/ops/order-service/dead-letters")
                .then()
                .statusCode(403);
    }

    @Test
    void theRolesOwningExceptionItemsReachTheExceptionQueuesAndNothingElse() {
        for (String role : List.of("finance", "warehouse")) {
            String person = operator(role + ".person", List.of(role), "ops");
            String correlation = "corr-owner-" + UUID.randomUUID();
            String id = UUID.randomUUID().toString();
            given().auth()
                    .oauth2(person)
                    .header("X-Correlation-Id", correlation)
                    .queryParam("status", "OPEN")
                    .when()
                    .get("/api/v1/ops/order-service/exceptions")
                    .then()
                    .statusCode(200);
            assertThat(sent(correlation)).containsEntry("path", "/ops/exceptions")
                    .containsEntry("actor", role + ".person");
            given().auth().oauth2(person).when().get("/api/v1/ops/order-service/exceptions/" + id).then().statusCode(200);
            given().auth()
                    .oauth2(person)
                    .when()
                    .get("/api/v1/ops/order-service/exceptions/" + id + "/history")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(person)
                    .contentType("application/json")
                    .body("{\"resolution\":\"settled with the carrier\"}")
                    .when()
                    .post("/api/v1/ops/order-service/exceptions/" + id + "/resolve")
                    .then()
                    .statusCode(200);
            // Dead letters, parked events, the audit trail and onboarding stay with operators.
            for (String resource : List.of("dead-letters", "parked-events", "audit", "partners")) {
                given().auth().oauth2(person).when().get("/api/v1/ops/order-service/" + resource).then().statusCode(403);
            }
            given().auth()
                    .oauth2(person)
                    .contentType("application/json")
                    .body("{\"dryRun\":true}")
                    .when()
                    .post("/api/v1/ops/order-service/dead-letters/replay")
                    .then()
                    .statusCode(403);
            // Without the ops scope (not the console's token), not even the exceptions.
            given().auth()
                    .oauth2(operator(role + ".person", List.of(role), "profile"))
                    .when()
                    .get("/api/v1/ops/order-service/exceptions")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(operator("eve", List.of("partner"), "ops"))
                .when()
                .get("/api/v1/ops/order-service/exceptions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(operator("ops.alice", List.of("ops"), "ops"))
                .when()
                .get("/api/v1/ops/order-service/dead-letters/" + UUID.randomUUID() + "/history")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("resource"));
    }

    @Test
    void backlogsAreRelayedToTheirOwnersAndOperatorsWithTheTokensName() {
        for (String role : List.of("ops", "finance", "warehouse")) {
            String person = operator(role + ".person", List.of(role), "ops");
            String correlation = "corr-backlog-" + UUID.randomUUID();
            given().auth()
                    .oauth2(person)
                    .header("X-Correlation-Id", correlation)
                    .when()
                    .get("/api/v1/ops/order-service/backlogs")
                    .then()
                    .statusCode(200);
            assertThat(sent(correlation)).containsEntry("method", "GET")
                    .containsEntry("path", "/ops/backlogs")
                    .containsEntry("actor", role + ".person");
            String items = "corr-backlog-items-" + UUID.randomUUID();
            given().auth()
                    .oauth2(person)
                    .header("X-Correlation-Id", items)
                    .queryParam("limit", 20)
                    .when()
                    .get("/api/v1/ops/order-service/backlogs/orders-awaiting-shipment")
                    .then()
                    .statusCode(200);
            assertThat(sent(items)).containsEntry("path", "/ops/backlogs/orders-awaiting-shipment");
            // Without the ops scope (not the console's token) no backlog.
            given().auth()
                    .oauth2(operator(role + ".person", List.of(role), "profile"))
                    .when()
                    .get("/api/v1/ops/order-service/backlogs")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(operator("eve", List.of("partner"), "ops"))
                .when()
                .get("/api/v1/ops/order-service/backlogs")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(operator("ops.alice", List.of("ops"), "ops"))
                .when()
                .get("/api/v1/ops/order-service/backlogs/Orders;DROP")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void theYardBoardIsRelayedForOperatorsAndTheWarehouseOnly() {
        for (String role : List.of("ops", "warehouse")) {
            String correlation = "corr-yard-" + UUID.randomUUID();
            given().auth()
                    .oauth2(operator(role + ".person", List.of(role), "ops"))
                    .header("X-Correlation-Id", correlation)
                    .when()
                    .get("/api/v1/ops/yard/board")
                    .then()
                    .statusCode(200);
            assertThat(sent(correlation)).containsEntry("path", "/ops/yard/board").containsEntry("actor", role + ".person");
            String trailer = "corr-trailer-" + UUID.randomUUID();
            given().auth()
                    .oauth2(operator(role + ".person", List.of(role), "ops"))
                    .header("X-Correlation-Id", trailer)
                    .queryParam("trailer", "SWFU 1")
                    .when()
                    .get("/api/v1/ops/yard/visits")
                    .then()
                    .statusCode(200);
            assertThat(sent(trailer)).containsEntry("path", "/ops/yard/visits")
                    .containsEntry("query", "trailer=SWFU+1&limit=20");
        }
        given().auth()
                .oauth2(operator("finance.person", List.of("finance"), "ops"))
                .when()
                .get("/api/v1/ops/yard/board")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(operator("warehouse.person", List.of("warehouse"), "profile"))
                .when()
                .get("/api/v1/ops/yard/board")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(operator("warehouse.person", List.of("warehouse"), "ops"))
                .when()
                .get("/api/v1/ops/yard/visits")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/ops/yard/board").then().statusCode(401);
    }

    @Test
    void operatorsFindAnyShipmentAndReadItsTimeline() {
        String token = operator("ops.alice", List.of("ops"), "ops");
        String correlation = "corr-find-" + UUID.randomUUID();
        given().auth()
                .oauth2(token)
                .header("X-Correlation-Id", correlation)
                .queryParam("orderNumber", "NW-1001")
                .when()
                .get("/api/v1/ops/shipments")
                .then()
                .statusCode(200);
        assertThat(sent(correlation)).containsEntry("path", "/api/v1/shipments")
                .containsEntry("query", "orderNumber=NW-1001&limit=20");
        String id = UUID.randomUUID().toString().replaceFirst("^.", "3");
        given().auth().oauth2(token).when().get("/api/v1/ops/shipments/" + id + "/timeline").then().statusCode(200);
        for (String role : List.of("finance", "warehouse")) {
            given().auth()
                    .oauth2(operator(role + ".person", List.of(role), "ops"))
                    .queryParam("orderNumber", "NW-1001")
                    .when()
                    .get("/api/v1/ops/shipments")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(token)
                .queryParam("trackingNumber", "1Z 99")
                .when()
                .get("/api/v1/ops/shipments")
                .then()
                .statusCode(400);
    }

    @Test
    void listsAreRelayedWithTheirFilters() {
        String correlation = "corr-ops-" + UUID.randomUUID();
        given().auth()
                .oauth2(operator("ops.alice", List.of("ops"), "ops"))
                .header("X-Correlation-Id", correlation)
                .queryParam("status", "OPEN")
                .when()
                .get("/api/v1/ops/order-service/dead-letters")
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(0));
        assertThat(sent(correlation)).containsEntry("method", "GET")
                .containsEntry("path", "/ops/dead-letters")
                .containsEntry("query", "status=OPEN");
    }

    @Test
    void theOperatorIsTheTokensNeverTheCallersHeader() {
        String correlation = "corr-ops-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        given().auth()
                .oauth2(operator("ops.alice", List.of("ops"), "ops"))
                .header("X-Portage-Actor", "mallory")
                .header("X-Correlation-Id", correlation)
                .contentType("application/json")
                .body("{\"payload\":\"{}\"}")
                .when()
                .post("/api/v1/ops/order-service/dead-letters/" + id + "/replay")
                .then()
                .statusCode(200)
                .body("resolvedBy", equalTo("ops.alice"));
        assertThat(sent(correlation)).containsEntry("method", "POST")
                .containsEntry("path", "/ops/dead-letters/" + id + "/replay")
                .containsEntry("actor", "ops.alice");
    }

    @Test
    void unknownServicesResourcesAndActionsAreProblems() {
        String token = operator("ops.alice", List.of("ops"), "ops");
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/ops/billing-service/dead-letters")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/ops/order-service/secrets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("resource"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/ops/order-service/dead-letters/" + UUID.randomUUID() + "/delete")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("action"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/ops/order-service/dead-letters/not-an-id")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }
}
