package io.portage.shipment;

import static io.portage.shipment.OrderEventsConsumerTest.awaitShipment;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.OrderLine;
import io.portage.odoo.connector.ops.OrderRequest;
import io.portage.odoo.connector.ops.OrderResult;
import io.portage.odoo.standin.Fault;
import io.portage.shipment.carriers.CarrierStandins;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A hand-over to Odoo that failed while Odoo was away waits in shipment-service's backlog under its sale order, for
 * operators only, and leaves it once written.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "shipments"))
@QuarkusTestResource(CarrierStandins.class)
@QuarkusTestResource(OdooStandinResource.class)
class ShipmentBacklogsTest {

    private static final String BACKLOG = "/ops/backlogs/odoo-hand-overs-waiting";

    @Inject
    OdooOperations operations;

    @BeforeEach
    void operator() {
        TestTokens.actAsOperator("test-operator");
        CarrierStandins.reset();
    }

    @Test
    void aHandOverOdooDidNotTakeWaitsInTheBacklogUntilWritten() {
        String ref = "northwind-shop:NW-" + UUID.randomUUID();
        OrderResult sale = operations.createAndConfirmOrder(new OrderRequest(ref, OdooDeliveryTest.AZURE,
                List.of(new OrderLine(OdooDeliveryTest.CHAIR, new BigDecimal("4"), null),
                        new OrderLine(OdooDeliveryTest.LAMP, new BigDecimal("2"), null))))
                .await()
                .atMost(OdooDeliveryTest.WAIT);
        String id = awaitShipment(OdooDeliveryTest.release(ref.substring(ref.indexOf(':') + 1), sale, true).orderId());
        OdooStandinResource.standin().faults().failNext(1000, Fault.UNAVAILABLE_503);
        try {
            OdooDeliveryTest.label(id);
            await().atMost(OdooDeliveryTest.WAIT)
                    .untilAsserted(() -> OdooDeliveryTest.handOvers(id)
                            .body("find { it.kind == 'TRACKING' }.status", equalTo("FAILED")));

            List<Map<String, Object>> backlogs = given().get("/ops/backlogs").then().statusCode(200).extract().path("");
            assertThat(backlogs).singleElement().satisfies(backlog -> {
                assertThat(backlog).containsEntry("name", "odoo-hand-overs-waiting")
                        .containsEntry("ownerRole", "ops")
                        .containsEntry("itemKind", "odoo");
                assertThat((Integer) backlog.get("count")).isPositive();
            });
            assertThat(items()).anySatisfy(item -> {
                assertThat(item).containsEntry("item", sale.name());
                assertThat((String) item.get("detail")).startsWith("TRACKING FAILED, 4 attempts: ");
            });
            given().auth()
                    .oauth2(TestTokens.person("warehouse.walt", "warehouse"))
                    .get("/ops/backlogs")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));
            given().auth().oauth2(TestTokens.person("finance.fiona", "finance")).get(BACKLOG).then().statusCode(403);
        } finally {
            OdooStandinResource.standin().faults().clear();
        }
        String item = given().queryParam("type", "shipment.odoo-hand-over")
                .get("/ops/exceptions")
                .then()
                .extract()
                .<List<Map<String, Object>>>path("findAll { it.summary.contains('" + id + "') }")
                .get(0)
                .get("id")
                .toString();
        given().contentType("application/json")
                .body(Map.of())
                .post("/ops/exceptions/" + item + "/retry")
                .then()
                .statusCode(200);
        await().atMost(OdooDeliveryTest.WAIT)
                .untilAsserted(() -> assertThat(items())
                        .noneMatch(waiting -> sale.name().equals(waiting.get("item"))));
    }

    private static List<Map<String, Object>> items() {
        return given().queryParam("limit", 1000).get(BACKLOG).then().statusCode(200).extract().path("");
    }
}
