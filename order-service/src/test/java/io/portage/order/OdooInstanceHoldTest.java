package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.portage.odoo.connector.OdooClient;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.OpsCalls;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * ODOO.md, "Which Odoo is this?": pointed at another database (a restored copy, another stage) at the same address,
 * where the same ids mean other records, order-service writes nothing there with the ids it holds: accepted orders wait
 * in the hand-over queue with the reason until an operator confirms the new instance, then go.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orderinstance"))
@QuarkusTestResource(OdooStandinResource.class)
class OdooInstanceHoldTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OdooClient odoo;

    /** The usual stand-in database back, so the test applications after this one find the instance they expect. */
    @AfterEach
    void backToTheUsualOdoo() {
        OpsCalls.backToTheUsualOdoo(TestTokens.ops("ops.alice"));
    }

    @Test
    void ordersWaitWhileAnotherOdooAnswersAndGoOnceAnOperatorConfirmsIt() {
        TestTokens.actAsOperator("test-operator");
        String ops = TestTokens.ops("ops.alice");
        given().auth().oauth2(ops).when().post("/ops/odoo-sync/poll").then().statusCode(200);
        String first = submit("first");
        awaitStatus(first, "RELEASED");

        long firstOdooId = order(first).getLong("odoo.id");
        OdooStandinResource.replaceWithAnotherDatabase(Instant.parse("2022-02-02T02:02:02Z"));
        // The other database has sale orders of its own, one of them with the very id the first order has here.
        for (long id = 1; id <= firstOdooId; id++) {
            OdooStandinResource.standin()
                    .createAsSuperuser("sale.order",
                            Map.of("partner_id", 3, "client_order_ref", "OTHER-" + id));
        }
        String second = submit("second");
        JsonPath waiting = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> order(second), order -> order.getString("handOver.lastError") != null);
        assertThat(waiting.getString("status")).isEqualTo("ACCEPTED");
        assertThat(waiting.getString("handOver.lastError")).contains("OdooInstanceChangedException");
        assertThat(OdooStandinResource.standin().records("sale.order"))
                .noneMatch(order -> String.valueOf(order.get("client_order_ref")).startsWith("instance-shop:"));
        assertThat(OdooStandinResource.standin()
                .records("res.partner")
                .stream()
                .filter(partner -> String.valueOf(partner.get("ref")).startsWith("instance-shop:"))).isEmpty();

        String seen = given().auth()
                .oauth2(ops)
                .when()
                .get("/ops/odoo-sync/instance")
                .then()
                .statusCode(200)
                .body("state", equalTo("changed"))
                .extract()
                .path("seenFingerprint");
        given().auth()
                .oauth2(ops)
                .contentType(ContentType.JSON)
                .body(Map.of("fingerprint", seen))
                .when()
                .post("/ops/odoo-sync/instance/confirm")
                .then()
                .statusCode(200)
                .body("state", equalTo("bound"));
        JsonPath released = awaitStatus(second, "RELEASED");
        assertThat(OdooStandinResource.standin().records("sale.order")).hasSize((int) firstOdooId + 1);

        // Sale order <first's id> of the new database is another order: its cancellation must not reach the first order,
        // whose ids belong to the old database; the second order's own cancellation reaches it.
        odoo.calls()
                .callOnRecords("sale.order", "action_cancel", List.of(firstOdooId, released.getLong("odoo.id")), Map.of())
                .await()
                .atMost(WAIT);
        given().auth().oauth2(ops).when().post("/ops/odoo-sync/poll").then().statusCode(200);
        awaitStatus(second, "CANCELLED");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> order(first).getString("status"), "RELEASED"::equals);
    }

    private static String submit(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("channel", "instance-shop", "externalId", name + "-" + UUID.randomUUID(),
                        "customer", Map.of("name", "Ada " + name, "email", name + "@example.com",
                                "address", Map.of("street", "12 Dock Road", "city", "Rotterdam", "postalCode", "3011 AA",
                                        "country", "NL")),
                        "lines", List.of(Map.of("sku", "PT-CHAIR-01", "quantity", 2))))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath order(String id) {
        return given().when().get("/api/v1/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitStatus(String id, String status) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> order(id),
                        order -> status.equals(order.getString("status")));
    }
}
