package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Order-service's backlogs count real orders: one released to the warehouse waits for its shipment, one with an
 * unknown SKU is held; the warehouse sees only the first backlog, operators every one.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class OrderBacklogsTest {

    private static final String ALICE = TestTokens.ops("ops.alice");
    private static final String WALT = TestTokens.person("warehouse.walt", "warehouse");

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
        given().auth().oauth2(TestTokens.ops("test-ops")).when().post("/ops/odoo-sync/poll").then().statusCode(200);
    }

    @Test
    void releasedAndHeldOrdersAreCountedInTheirBacklogs() {
        String released = "BL-" + UUID.randomUUID();
        String id = OrderToOdooTest.submit(OrderToOdooTest.order("northwind-shop", released, "PT-CHAIR-01"), "ACCEPTED");
        OrderToOdooTest.awaitStatus(id, "RELEASED");
        String held = "BH-" + UUID.randomUUID();
        OrderToOdooTest.submit(OrderToOdooTest.order("northwind-shop", held, "NOPE-" + held), "ON_HOLD");

        Map<String, Map<String, Object>> backlogs = backlogs(ALICE);
        assertThat(backlogs).containsKeys("orders-awaiting-shipment", "orders-waiting-for-odoo", "orders-held");
        assertThat((Integer) backlogs.get("orders-awaiting-shipment").get("count")).isPositive();
        assertThat((Integer) backlogs.get("orders-held").get("count")).isPositive();
        assertThat(backlogs.get("orders-held").get("oldest")).isNotNull();

        List<Map<String, Object>> waiting = items(ALICE, "orders-awaiting-shipment");
        assertThat(waiting).anySatisfy(item -> {
            assertThat(item).containsEntry("item", released);
            assertThat((String) item.get("detail")).startsWith("RELEASED");
        });
        assertThat(waiting).noneMatch(item -> held.equals(item.get("item")));
        assertThat(items(ALICE, "orders-held")).anySatisfy(item -> {
            assertThat(item).containsEntry("item", held);
            assertThat((String) item.get("detail")).contains("NOPE-" + held);
        });

        assertThat(backlogs(WALT)).containsOnlyKeys("orders-awaiting-shipment");
        assertThat(items(WALT, "orders-awaiting-shipment")).extracting(item -> item.get("item")).contains(released);
        given().auth().oauth2(WALT).get("/ops/backlogs/orders-held").then().statusCode(403);
    }

    private static Map<String, Map<String, Object>> backlogs(String token) {
        List<Map<String, Object>> list = given().auth()
                .oauth2(token)
                .get("/ops/backlogs")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        list.forEach(backlog -> byName.put((String) backlog.get("name"), backlog));
        return byName;
    }

    private static List<Map<String, Object>> items(String token, String backlog) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 1000)
                .get("/ops/backlogs/" + backlog)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }
}
