package io.portage.shipment;

import static io.portage.shipment.OrderEventsConsumerTest.awaitShipments;
import static io.portage.shipment.OrderStream.produce;
import static io.portage.shipment.OrderStream.releasedJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.testsupport.OpsCalls;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A poison order event becomes a dead letter an operator can inspect, replay (with a corrected payload) exactly once,
 * or discard; every action lands in the audit trail, and nothing is done without a named operator.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
class DeadLetterReplayTest {

    private static final String CONSUMER = "shipment-service.orders";
    private static final String OPERATOR = "ops.alice";

    /** An OrderReleased without lines (after its received and accepted): readable JSON, but not an order anyone can ship. */
    private static String poisonFor(String orderId, String eventId) {
        String json = releasedJson(orderId).replaceAll("(?s)\"lines\":\\[.*?\\],\\s*\"erp\"", "\"lines\":[],\"erp\"");
        assertThat(json).contains("\"lines\":[]");
        OrderStream order = new OrderStream(orderId);
        produce(order.received(), order.accepted(), order.record(eventId, EventCatalog.ORDER_RELEASED_V2.type(), 3, json));
        return json;
    }

    private static String awaitDeadLetter(String eventId) {
        return OpsCalls.awaitOpenDeadLetter(CONSUMER, eventId);
    }

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void aPoisonEventIsReplayedOnceAfterItsPayloadIsCorrected() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        poisonFor(orderId, eventId);
        String id = awaitDeadLetter(eventId);

        given().when()
                .get("/ops/dead-letters/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("attempts", equalTo(1))
                .body("topic", equalTo(Topics.ORDERS))
                .body("key", equalTo(orderId))
                .body("reason", containsString("lines"))
                .body("headers.ce_id", equalTo(eventId))
                .body("headers.ce_correlationid", equalTo("corr-" + orderId))
                .body("payload", containsString("\"lines\":[]"));
        var published = TestKafka.awaitRecord(Topics.deadLetters("shipment-service"), r -> orderId.equals(r.key()));
        assertThat(TestKafka.header(published, "dead-letter-attempts")).isEqualTo("1");
        assertThat(TestKafka.header(published, "dead-letter-consumer")).isEqualTo(CONSUMER);
        assertThat(TestKafka.header(published, "ce_id")).isEqualTo(eventId);

        // Nobody named (no token), or a partner's token even with every scope: refused before anything happens.
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/ops/dead-letters/" + id + "/replay")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("acme"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/ops/dead-letters/" + id + "/replay")
                .then()
                .statusCode(403);

        // Replayed as it is, it still fails: stays open, one more attempt, the new reason.
        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/ops/dead-letters/" + id + "/replay")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("lines"));
        given().when().get("/ops/dead-letters/" + id).then().body("status", equalTo("OPEN")).body("attempts", equalTo(2));

        // Corrected, it is applied once.
        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body(Map.of("payload", releasedJson(orderId), "comment", "partner resent the lines by mail"))
                .when()
                .post("/ops/dead-letters/" + id + "/replay")
                .then()
                .statusCode(200)
                .body("status", equalTo("REPLAYED"))
                .body("attempts", equalTo(3))
                .body("resolvedBy", equalTo(OPERATOR))
                .body("correctedPayload", containsString("SKU-CHAIR-01"));
        awaitShipments(orderId, 1);
        given().queryParam("orderId", orderId).when().get("/api/v1/shipments").then().body("[0].lineCount", equalTo(2));

        // A second replay is refused; the corrected event arriving through Kafka as well changes nothing.
        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/ops/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        produce(new OrderStream(orderId).record(eventId, EventCatalog.ORDER_RELEASED_V2.type(), 3, releasedJson(orderId)));
        String marker = OrderStream.random().releasedInOrder().orderId();
        awaitShipments(marker, 1);
        awaitShipments(orderId, 1);

        given().queryParam("target", "dead-letter:" + id)
                .when()
                .get("/ops/audit")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].actor", equalTo(OPERATOR))
                .body("[0].action", equalTo("dead-letter.replay"))
                .body("[0].outcome", equalTo("done"))
                .body("[0].detail", equalTo("corrected payload"))
                .body("[1].outcome", equalTo("failed"));
    }

    @Test
    void aDeadLetterCanBeDiscardedWithAReasonOnce() {
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        poisonFor(orderId, eventId);
        String id = awaitDeadLetter(eventId);

        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/ops/dead-letters/" + id + "/discard")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("reason")));
        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "test order, cancelled by the shop"))
                .when()
                .post("/ops/dead-letters/" + id + "/discard")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"))
                .body("resolvedBy", equalTo(OPERATOR));
        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .when()
                .post("/ops/dead-letters/" + id + "/discard")
                .then()
                .statusCode(409);
        given().queryParam("status", "OPEN")
                .queryParam("limit", 1000)
                .when()
                .get("/ops/dead-letters")
                .then()
                .body("id", not(hasItem(id)));
        given().queryParam("orderId", orderId).when().get("/api/v1/shipments").then().body("$", hasSize(0));
        given().queryParam("target", "dead-letter:" + id)
                .when()
                .get("/ops/audit")
                .then()
                .body("$", hasSize(1))
                .body("[0].action", equalTo("dead-letter.discard"))
                .body("[0].detail", equalTo("test order, cancelled by the shop"));
    }

    @Test
    void replayingAllReportsWhatStillFailsAndFiltersByType() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        poisonFor(UUID.randomUUID().toString(), first);
        poisonFor(UUID.randomUUID().toString(), second);
        List<String> ids = List.of(awaitDeadLetter(first), awaitDeadLetter(second));

        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body(Map.of("eventType", "io.portage.order.cancelled.v1"))
                .when()
                .post("/ops/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(0))
                .body("failed", hasSize(0));

        given().auth()
                .oauth2(TestTokens.ops(OPERATOR))
                .contentType(ContentType.JSON)
                .body(Map.of("consumer", CONSUMER, "eventType", EventCatalog.ORDER_RELEASED_V2.type()))
                .when()
                .post("/ops/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(0))
                .body("failed.size()", greaterThanOrEqualTo(2))
                .body("failed.id", hasItem(ids.get(0)))
                .body("failed.id", hasItem(ids.get(1)));
        for (String id : ids) {
            given().when().get("/ops/dead-letters/" + id).then().body("status", equalTo("OPEN")).body("attempts", equalTo(2));
        }
    }

    @Test
    void unknownDeadLettersAndBadQueriesAreProblems() {
        given().when()
                .get("/ops/dead-letters/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("status", "LOST")
                .when()
                .get("/ops/dead-letters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        given().queryParam("limit", 5000)
                .when()
                .get("/ops/dead-letters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/ops/dead-letters/not-a-uuid").then().statusCode(404);
    }
}
