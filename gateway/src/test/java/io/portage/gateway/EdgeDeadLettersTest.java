package io.portage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the gateway rejects from a warehouse's edge is its own dead letter, against real PostgreSQL and Kafka: kept once
 * however often the edge sends it, replayed by an operator with a correction (published, and the edge's own copy then a
 * duplicate), or closed when the site fixes and resends the event itself.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class EdgeDeadLettersTest {

    private static String operator() {
        return TestTokens.partner("ignored", "ops")
                .claim("partner_id", null)
                .claim("preferred_username", "olga")
                .claim("realm_access", Map.of("roles", List.of("ops")))
                .sign();
    }

    private static Map<String, Object> badPick(String id, String order) {
        return Map.of("id", id, "type", "scan.pick.confirmed", "key", order, "priority", "DISPATCH",
                "occurredAt", "2026-11-23T08:00:00Z", "payload",
                Map.of("sku", "PT-CHAIR-01", "quantity", 0, "location", "A-01"));
    }

    private static JsonPath letterOf(String eventId) {
        List<Map<String, Object>> letters = given().auth()
                .oauth2(operator())
                .queryParam("consumer", "edge-intake")
                .queryParam("topic", "edge:WH1")
                .queryParam("limit", 1000)
                .when()
                .get("/ops/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        List<Map<String, Object>> mine = letters.stream().filter(letter -> eventId.equals(letter.get("eventId"))).toList();
        assertThat(mine).as("letters of %s", eventId).hasSize(1);
        return given().auth()
                .oauth2(operator())
                .when()
                .get("/ops/dead-letters/" + mine.get(0).get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aRejectedEventIsKeptOnceAndAnOperatorReplaysItCorrected() {
        String id = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        for (int sent = 0; sent < 2; sent++) {
            EdgeRoutesTest.post(Map.of("events", List.of(badPick(id, order))))
                    .then()
                    .statusCode(200)
                    .body("results[0].status", equalTo("rejected"));
        }
        JsonPath letter = letterOf(id);
        assertThat(letter.getString("status")).isEqualTo("OPEN");
        assertThat(letter.getString("reason")).isEqualTo("payload.quantity must be greater than 0");
        assertThat(letter.getString("eventType")).isEqualTo("scan.pick.confirmed");
        assertThat(letter.getString("key")).isEqualTo(order);
        assertThat(letter.getMap("headers")).containsEntry("portage_site", "WH1").containsEntry("portage_partner", "wh1");
        String letterId = letter.getString("id");

        // A correction that changes the event's id is refused and the letter stays open; one that keeps it is taken.
        Map<String, Object> corrected = new HashMap<>(badPick(UUID.randomUUID().toString(), order));
        corrected.put("payload", Map.of("sku", "PT-CHAIR-01", "quantity", 1, "location", "A-01"));
        given().auth()
                .oauth2(operator())
                .contentType("application/json")
                .body(Map.of("payload", new io.vertx.core.json.JsonObject(corrected).encode()))
                .when()
                .post("/ops/dead-letters/" + letterId + "/replay")
                .then()
                .statusCode(422)
                .body("detail", containsString("keeps its id " + id));
        corrected.put("id", id);
        given().auth()
                .oauth2(operator())
                .contentType("application/json")
                .body(Map.of("payload", new io.vertx.core.json.JsonObject(corrected).encode()))
                .when()
                .post("/ops/dead-letters/" + letterId + "/replay")
                .then()
                .statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("resolvedBy", equalTo("olga"));

        ConsumerRecord<String, String> pick = TestKafka.awaitRecord(Topics.WAREHOUSE, r -> order.equals(r.key()));
        assertThat(TestKafka.header(pick, "ce_type")).isEqualTo("io.portage.warehouse.pick-confirmed.v1");
        assertThat(pick.value()).contains("\"quantity\":1");
        // The edge still holds its copy; replayed there, it is a duplicate and the edge forgets it.
        EdgeRoutesTest.post(Map.of("events", List.of(badPick(id, order))))
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("duplicate"));
    }

    @Test
    void anEventFixedAndResentByTheSiteClosesItsLetter() {
        String id = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        EdgeRoutesTest.post(Map.of("events", List.of(badPick(id, order))))
                .then()
                .body("results[0].status", equalTo("rejected"));
        assertThat(letterOf(id).getString("status")).isEqualTo("OPEN");

        Map<String, Object> fixed = new HashMap<>(badPick(id, order));
        fixed.put("payload", Map.of("sku", "PT-CHAIR-01", "quantity", 2, "location", "A-01"));
        EdgeRoutesTest.post(Map.of("events", List.of(fixed))).then().body("results[0].status", equalTo("accepted"));

        JsonPath letter = letterOf(id);
        assertThat(letter.getString("status")).isEqualTo("DISCARDED");
        assertThat(letter.getString("resolvedBy")).isEqualTo("edge:WH1");
        // Only operators see them.
        given().auth().oauth2(EdgeRoutesTest.edgeToken()).when().get("/ops/dead-letters").then().statusCode(403);
    }
}
