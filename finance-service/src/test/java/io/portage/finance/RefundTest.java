package io.portage.finance;

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

import org.apache.kafka.clients.producer.ProducerRecord;
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
import io.restassured.path.json.JsonPath;

/**
 * Returns received in acceptable condition credit their order's invoice in the Odoo stand-in: under the threshold at
 * once, above it once a finance approver approves (one approved, one refused, both audited with the person); a damaged
 * return is not refunded.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class RefundTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final int DESK = 2;
    static final int LAMP = 3;
    static final String NOT_REFUNDABLE = "finance.refund-not-refundable";

    @Inject
    OdooClient odoo;

    final String finance = FinanceTokens.finance("fiona");
    final String approver = FinanceTokens.approver("alex");
    final String partner = "acme-" + UUID.randomUUID().toString().substring(0, 8);

    /** An order of two of the product, invoiced at dispatch; its shipment id and Odoo invoice id. */
    String[] invoicedOrder(int product) {
        long saleOrder = confirmedSaleOrder(product);
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        InvoiceReleaseTest.produce(List.of(released(order, saleOrder), created(shipment, order),
                InvoiceReleaseTest.dispatched(shipment)));
        return new String[]{shipment, awaitInvoiced(order)};
    }

    long confirmedSaleOrder(int product) {
        return InvoiceReleaseTest.confirmedSaleOrder(odoo, product, 2);
    }

    /** Waits for the order's invoice; answers its Odoo ids. */
    String awaitInvoiced(String order) {
        await().atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(finance)
                        .get("/api/v1/order-invoices/" + order)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("INVOICED")));
        String invoice = given().auth()
                .oauth2(finance)
                .get("/api/v1/order-invoices/" + order)
                .then()
                .extract()
                .path("invoiceIds");
        return invoice;
    }

    ProducerRecord<String, String> released(String order, long saleOrder) {
        return InvoiceReleaseTest.event(EventCatalog.ORDER_RELEASED_V2, UUID.randomUUID().toString(), order, """
                {"orderId":"%s","channel":"web","externalId":"X-%s","partnerId":"%s","warehouse":"WH1",
                 "erp":{"erpRef":"sale.order/%d","name":"S%d","pickingIds":[]}}""".formatted(order, order, partner, saleOrder,
                saleOrder));
    }

    ProducerRecord<String, String> created(String shipment, String order) {
        return InvoiceReleaseTest.event(EventCatalog.SHIPMENT_CREATED_V1, UUID.randomUUID().toString(), shipment, """
                {"shipmentId":"%s","orderId":"%s","partnerId":"%s","warehouse":"WH1","destinationCountry":"DE"}"""
                .formatted(shipment, order, partner));
    }

    static ProducerRecord<String, String> returned(String shipment, String returnId, String condition) {
        return returned(shipment, returnId, condition, Instant.parse("2026-03-05T10:00:00Z"));
    }

    static ProducerRecord<String, String> returned(String shipment, String returnId, String condition, Instant at) {
        return InvoiceReleaseTest.event(EventCatalog.RETURN_RECEIVED_V1, UUID.randomUUID().toString(), shipment, """
                {"shipmentId":"%s","returnId":"%s","site":"WH1","lines":[{"sku":"PT-DESK-01","quantity":"2",
                 "condition":"%s"}],"receivedAt":"%s"}""".formatted(shipment, returnId, condition, at));
    }

    JsonPath refund(String returnId) {
        return given().auth()
                .oauth2(finance)
                .queryParam("limit", 1000)
                .get("/api/v1/refunds")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.returnId == '" + returnId + "' }");
    }

    static List<Map<String, Object>> creditNotesOf(String invoiceId) {
        return OdooStandinResource.standin()
                .records("account.move")
                .stream()
                .filter(move -> "out_refund".equals(move.get("move_type"))
                        && String.valueOf(move.get("reversed_entry_id")).startsWith("[" + invoiceId + ","))
                .toList();
    }

    @Test
    void oneRefundApprovedOneRefusedOneUnderTheThresholdAndADamagedReturnNotRefunded() {
        String[] approved = invoicedOrder(DESK);
        String[] refused = invoicedOrder(DESK);
        String[] small = invoicedOrder(LAMP);
        String[] damaged = invoicedOrder(LAMP);
        String approve = "RET-" + UUID.randomUUID();
        String refuse = "RET-" + UUID.randomUUID();
        String under = "RET-" + UUID.randomUUID();
        String broken = "RET-" + UUID.randomUUID();
        ProducerRecord<String, String> first = returned(approved[0], approve, "RESELLABLE");
        InvoiceReleaseTest.produce(List.of(first, first, returned(refused[0], refuse, "RESELLABLE"),
                returned(small[0], under, "RESELLABLE"), returned(damaged[0], broken, "DAMAGED")));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(refund(approve).getString("status")).isEqualTo("PENDING_APPROVAL");
            assertThat(refund(refuse).getString("status")).isEqualTo("PENDING_APPROVAL");
            assertThat(refund(under).getString("status")).isEqualTo("CREDITED");
            assertThat(refund(broken).getString("status")).isEqualTo("NOT_REFUNDABLE");
        });
        assertThat(refund(approve).getFloat("amount")).isEqualTo(700f);
        assertThat(creditNotesOf(small[1])).hasSize(1).allSatisfy(note -> assertThat(note).containsEntry("state", "posted"));
        assertThat(creditNotesOf(approved[1])).isEmpty();
        assertThat(creditNotesOf(damaged[1])).isEmpty();

        String approveId = refund(approve).getString("id");
        String refuseId = refund(refuse).getString("id");
        // Finance without the approver role, or an operator, cannot decide.
        given().auth()
                .oauth2(finance)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/refunds/" + approveId
                        + "/approve")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.ops("olga"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/refunds/" + approveId + "/approve")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "desks back unopened"))
                .post("/api/v1/refunds/" + approveId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("alex"));
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/refunds/" + refuseId
                        + "/refuse")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "outside the return window"))
                .post("/api/v1/refunds/" + refuseId + "/refuse")
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("decidedBy", equalTo("alex"));
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/refunds/" + refuseId
                        + "/approve")
                .then()
                .statusCode(409);

        await().atMost(WAIT).untilAsserted(() -> assertThat(refund(approve).getString("status")).isEqualTo("CREDITED"));
        assertThat(creditNotesOf(approved[1])).hasSize(1).allSatisfy(note -> assertThat(note).containsEntry("state", "posted"));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> assertThat(creditNotesOf(refused[1])).isEmpty());
        assertThat(refund(refuse).getString("status")).isEqualTo("REFUSED");

        String ops = TestTokens.ops("olga");
        given().auth()
                .oauth2(ops)
                .queryParam("target", "refund:" + approveId)
                .get("/ops/audit")
                .then()
                .statusCode(200)
                .body("[0].actor", equalTo("alex"))
                .body("[0].action", equalTo("refund.approve"));
        given().auth()
                .oauth2(ops)
                .queryParam("target", "refund:" + refuseId)
                .get("/ops/audit")
                .then()
                .statusCode(200)
                .body("[0].actor", equalTo("alex"))
                .body("[0].action", equalTo("refund.refuse"));
        long note = ((Number) creditNotesOf(approved[1]).get(0).get("id")).longValue();
        given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", note)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("CREDIT_NOTE"))
                .body("[0].causedBy.approvedBy", equalTo("alex"));
    }

    @Test
    void aReturnBeforeItsInvoiceWaitsAndIsCreditedOnceWhenTheInvoiceIsPosted() {
        long saleOrder = confirmedSaleOrder(LAMP);
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        String early = "RET-" + UUID.randomUUID();
        ProducerRecord<String, String> returned = returned(shipment, early, "RESELLABLE", Instant.now());
        // The return comes first (twice), the shipment and the release after it, the dispatch last.
        InvoiceReleaseTest.produce(List.of(returned, returned, created(shipment, order), released(order, saleOrder)));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(refund(early).getString("status")).isEqualTo(
                        "WAITING_FOR_INVOICE"));
        await().during(Duration.ofSeconds(1))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(refund(early).getString("status")).isEqualTo("WAITING_FOR_INVOICE"));
        assertThat(CarrierTestFixture.exceptions(NOT_REFUNDABLE, early)).isEmpty();

        InvoiceReleaseTest.produce(List.of(InvoiceReleaseTest.dispatched(shipment)));
        String invoice = awaitInvoiced(order);
        await().atMost(WAIT).untilAsserted(() -> assertThat(refund(early).getString("status")).isEqualTo("CREDITED"));
        assertThat(refund(early).getString("invoiceId")).isEqualTo(invoice);
        assertThat(refund(early).getFloat("amount")).isEqualTo(50f);
        await().during(Duration.ofSeconds(1))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(creditNotesOf(invoice)).hasSize(1)
                        .allSatisfy(note -> assertThat(note).containsEntry("state", "posted")
                                .containsEntry("amount_total", 50.0)));
        assertThat(CarrierTestFixture.exceptions(NOT_REFUNDABLE, early)).isEmpty();
    }

    @Test
    void aReturnWhoseOrderIsNeverInvoicedIsRaisedForFinanceAfterTheWait() {
        long saleOrder = confirmedSaleOrder(LAMP);
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        String late = "RET-" + UUID.randomUUID();
        String recent = "RET-" + UUID.randomUUID();
        // Never dispatched, so never invoiced: a return received longer ago than the wait (24h) and a recent one.
        InvoiceReleaseTest.produce(List.of(released(order, saleOrder), created(shipment, order),
                returned(shipment, late, "RESELLABLE", Instant.now().minus(Duration.ofHours(25))),
                returned(shipment, recent, "RESELLABLE", Instant.now())));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(refund(late).getString("status")).isEqualTo("NOT_REFUNDABLE");
            assertThat(refund(late).getString("reason")).startsWith("the order has no customer invoice to credit");
            assertThat(refund(late).getString("orderId")).isEqualTo(order);
            assertThat(CarrierTestFixture.exceptions(NOT_REFUNDABLE, late)).hasSize(1);
        });
        assertThat(refund(recent).getString("status")).isEqualTo("WAITING_FOR_INVOICE");
        assertThat(CarrierTestFixture.exceptions(NOT_REFUNDABLE, recent)).isEmpty();
    }
}
