package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.odoo.connector.OdooClient;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Finance's backlogs count real rows: a dispatched order released by hand waits for invoicing until released, a
 * received return above the approval threshold waits for its credit note, and labels wait for their carrier's invoice.
 * Finance and operators see them; the warehouse does not.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class FinanceBacklogsTest extends CarrierTestFixture {

    private static final String WALT = TestTokens.person("warehouse.walt", "warehouse");

    @Inject
    OdooClient odoo;

    final String partner = "acme-" + UUID.randomUUID().toString().substring(0, 8);

    long saleOrder(int product) {
        long id = odoo.calls()
                .create("sale.order", Map.of("partner_id", 3, "order_line", List.of(List.of(0, 0, Map.of("product_id",
                        product, "product_uom_qty", 2)))))
                .await()
                .atMost(WAIT);
        odoo.calls().callOnRecords("sale.order", "action_confirm", List.of(id), Map.of()).await().atMost(WAIT);
        return id;
    }

    void policy(String policy) {
        given().auth()
                .oauth2(finance)
                .contentType(ContentType.JSON)
                .body(Map.of("policy", policy))
                .put("/api/v1/invoice-policies/" + partner)
                .then()
                .statusCode(200);
    }

    /** An order of {@code product} released, shipped and dispatched; its order id and shipment id. */
    String[] dispatchedOrder(int product) {
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        long sale = saleOrder(product);
        InvoiceReleaseTest.produce(List.of(
                InvoiceReleaseTest.event(EventCatalog.ORDER_RELEASED_V2, UUID.randomUUID().toString(), order, """
                        {"orderId":"%s","channel":"web","externalId":"X-%s","partnerId":"%s","warehouse":"WH1",
                         "erp":{"erpRef":"sale.order/%d","name":"S%d","pickingIds":[]}}""".formatted(order, order,
                        partner, sale, sale)),
                InvoiceReleaseTest.event(EventCatalog.SHIPMENT_CREATED_V1, UUID.randomUUID().toString(), shipment, """
                        {"shipmentId":"%s","orderId":"%s","partnerId":"%s","warehouse":"WH1","destinationCountry":"DE"}"""
                        .formatted(shipment, order, partner)),
                InvoiceReleaseTest.dispatched(shipment)));
        await().atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(finance)
                        .get("/api/v1/order-invoices/" + order)
                        .then()
                        .statusCode(200)
                        .body("saleOrderId", equalTo((int) sale)));
        return new String[]{order, shipment};
    }

    @Test
    void deliveriesReturnsAndChargesWaitInFinancesBacklogs() {
        policy("MANUAL");
        String[] manual = dispatchedOrder(RefundTest.DESK);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(items(finance, "deliveries-pending-invoicing"))
                        .anySatisfy(item -> assertThat(item).containsEntry("item", manual[0])
                                .containsEntry("detail", "DISPATCHED, invoice WAITING")));

        policy("AT_DISPATCH");
        String[] invoiced = dispatchedOrder(RefundTest.DESK);
        await().atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(finance)
                        .get("/api/v1/order-invoices/" + invoiced[0])
                        .then()
                        .body("status", equalTo("INVOICED")));
        assertThat(items(finance, "deliveries-pending-invoicing")).noneMatch(item -> invoiced[0].equals(item.get("item")));
        String returnId = "RET-" + UUID.randomUUID();
        InvoiceReleaseTest.produce(List.of(RefundTest.returned(invoiced[1], returnId, "RESELLABLE")));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(items(finance, "returns-pending-refund"))
                        .anySatisfy(item -> {
                            assertThat(item).containsEntry("item", invoiced[0]);
                            assertThat((String) item.get("detail"))
                                    .startsWith("return " + returnId + ", PENDING_APPROVAL, 700.");
                        }));

        assertThat(items(finance, "carrier-charges-unreconciled"))
                .filteredOn(item -> ((String) item.get("detail")).startsWith(carrier + " "))
                .extracting(item -> item.get("item"))
                .containsExactlyInAnyOrder("T1", "T2", "T3", "T4", "T5");

        List<Map<String, Object>> backlogs = given().auth()
                .oauth2(finance)
                .get("/ops/backlogs")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(backlogs).extracting(backlog -> backlog.get("name"))
                .containsExactlyInAnyOrder(
                        "deliveries-pending-invoicing", "returns-pending-refund", "carrier-charges-unreconciled");
        assertThat(backlogs).allSatisfy(backlog -> assertThat((Integer) backlog.get("count")).isPositive());

        given().auth().oauth2(finance).post("/api/v1/order-invoices/" + manual[0] + "/release").then().statusCode(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(items(finance, "deliveries-pending-invoicing"))
                        .noneMatch(item -> manual[0].equals(item.get("item"))));

        given().auth().oauth2(WALT).get("/ops/backlogs").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(WALT).get("/ops/backlogs/returns-pending-refund").then().statusCode(403);
        assertThat(given().auth()
                .oauth2(TestTokens.ops("ops.alice"))
                .get("/ops/backlogs")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("name")).hasSize(3);
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
