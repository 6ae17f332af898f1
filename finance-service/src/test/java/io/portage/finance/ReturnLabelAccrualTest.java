package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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
import io.restassured.path.json.JsonPath;

/**
 * A return label bought (ReturnLabelGenerated v1 from Kafka, delivered twice and again under a new event id) is one
 * carrier charge of its shipment and return, accrued once in the Odoo stand-in, matched when the carrier's invoice line
 * names its tracking number, billed and its accrual reversed; and it counts in its order's margin as carrier cost.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class ReturnLabelAccrualTest extends CarrierTestFixture {

    @Inject
    OdooClient odoo;

    ProducerRecord<String, String> returnLabel(String eventId, String shipment, String returnId, String tracking,
            String cost) {
        return InvoiceReleaseTest.event(EventCatalog.RETURN_LABEL_GENERATED_V1, eventId, shipment, """
                {"shipmentId":"%s","returnId":"%s","carrier":"%s","service":"ROAD","trackingNumber":"%s",
                 "labelFormat":"PDF","cost":{"amount":"%s","currency":"USD"},"generatedAt":"2026-03-01T09:00:00Z"}"""
                .formatted(shipment, returnId, carrier, tracking, cost));
    }

    @Test
    void aReturnLabelIsAccruedOnceMatchedBilledReversedAndCountedInTheMargin() {
        rateCard("FR", "USD");
        long saleOrder = InvoiceReleaseTest.confirmedSaleOrder(odoo, 1, 2);
        String order = "ORD-" + UUID.randomUUID();
        String shipment = UUID.randomUUID().toString();
        String returnId = UUID.randomUUID().toString();
        String tracking = "RT" + UUID.randomUUID().toString().substring(0, 8);
        ProducerRecord<String, String> label = InvoiceReleaseTest.event(EventCatalog.LABEL_GENERATED_V2, UUID.randomUUID()
                .toString(), shipment,
                """
                        {"shipmentId":"%s","carrier":"%s","service":"ROAD","trackingNumber":"O%s","labelFormat":"PDF",
                         "parcels":1,"cost":{"amount":"30.00","currency":"USD"},"generatedAt":"2026-03-01T08:00:00Z"}"""
                        .formatted(shipment, carrier, tracking));
        String boughtId = UUID.randomUUID().toString();
        ProducerRecord<String, String> bought = returnLabel(boughtId, shipment, returnId, tracking, "185.00");
        InvoiceReleaseTest.produce(List.of(InvoiceReleaseTest.event(EventCatalog.ORDER_RELEASED_V2, UUID.randomUUID()
                .toString(), order,
                """
                        {"orderId":"%s","channel":"web","externalId":"X-%s","partnerId":"acme","warehouse":"WH1",
                         "erp":{"erpRef":"sale.order/%d","name":"S%d","pickingIds":[]}}""".formatted(order, order, saleOrder,
                        saleOrder)),
                InvoiceReleaseTest.event(EventCatalog.SHIPMENT_CREATED_V1, UUID.randomUUID().toString(),
                        shipment, """
                                {"shipmentId":"%s","orderId":"%s","partnerId":"acme","warehouse":"WH1",
                                 "destinationCountry":"FR"}""".formatted(shipment, order)),
                label,
                InvoiceReleaseTest.dispatched(shipment), bought, bought));
        // The same return label reported again under a new event id, then another label of the shipment behind it.
        String again = UUID.randomUUID().toString();
        InvoiceReleaseTest.produce(List.of(returnLabel(again, shipment, returnId, tracking, "185.00"),
                InvoiceReleaseTest.event(EventCatalog.LABEL_GENERATED_V2, UUID.randomUUID().toString(), shipment, """
                        {"shipmentId":"%s","carrier":"%s","service":"ROAD","trackingNumber":"P%s","labelFormat":"PDF",
                         "parcels":1,"cost":{"amount":"0.00","currency":"USD"},"generatedAt":"2026-03-01T08:00:00Z"}"""
                        .formatted(shipment, carrier, tracking))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(charges("P" + tracking).getList("$")).hasSize(1));
        // Applied, not dead-lettered: a return label known already records nothing and is no failure.
        given().auth()
                .oauth2(TestTokens.ops("test-operator"))
                .queryParam("key", shipment)
                .get("/ops/dead-letters")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(charges(tracking).getString("[0].accrualStatus")).isEqualTo(
                        "POSTED"));
        await().during(Duration.ofSeconds(1))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(charges(tracking).getList("$"))
                        .hasSize(1));
        JsonPath charge = charges(tracking);
        assertThat(charge.getString("[0].kind")).isEqualTo("RETURN_LABEL");
        assertThat(charge.getString("[0].shipmentId")).isEqualTo(shipment);
        assertThat(charge.getString("[0].returnId")).isEqualTo(returnId);
        assertThat(charge.getString("[0].eventId")).isEqualTo(boughtId);
        String ref = charge.getString("[0].accrualRef");
        assertThat(ref).startsWith("ACCR/" + shipment + "/RETURN_LABEL/");
        long accrual = charge.getLong("[0].accrualMoveId");
        assertThat(OdooStandinResource.standin()
                .records("account.move")
                .stream()
                .filter(move -> ref.equals(move.get("ref")))).hasSize(1);
        assertThat(FreightAccrualTest.lines(accrual).get(FreightAccrualTest.EXPENSES)[0]).isEqualByComparingTo("185.00");
        assertThat(FreightAccrualTest.lines(accrual).get(FreightAccrualTest.BILLS_TO_RECEIVE)[1]).isEqualByComparingTo(
                "185.00");

        await().atMost(WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(finance)
                        .queryParam("orderId", order)
                        .get("/api/v1/margins")
                        .then()
                        .statusCode(200)
                        .body("[0].revenue", equalTo(140.0f))
                        .body("[0].carrierCost", equalTo(215.0f))
                        .body("[0].margin", equalTo(-75.0f)));

        String invoice = "RET-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath report = report(importFile(HEADER + row(invoice, "2026-03-20", "USD", "FR", 1, tracking, "2026-02-15",
                "1000", "1000", "185.00", "18.50", "", "203.50"), 202));
        assertThat(report.getString("invoices[0].status")).isEqualTo("BILLED");
        long bill = report.getLong("invoices[0].odooBillId");
        assertThat(new BigDecimal(FreightAccrualTest.move(bill).get("amount_total").toString())).isEqualByComparingTo(
                "203.50");
        await().atMost(WAIT).untilAsserted(() -> assertThat(charges(tracking).getString("[0].reversalMoveId")).isNotNull());
        long reversal = charges(tracking).getLong("[0].reversalMoveId");
        assertThat(String.valueOf(FreightAccrualTest.move(reversal).get("reversed_entry_id"))).startsWith("[" + accrual
                + ",");
        assertThat((List<?>) FreightAccrualTest.move(accrual).get("reversal_move_ids")).hasSize(1);
    }
}
