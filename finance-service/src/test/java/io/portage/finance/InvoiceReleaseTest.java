package io.portage.finance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.finance.service.CustomerInvoicing;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.testsupport.CloudEventRecords;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * An order's customer invoice made in the Odoo stand-in from its sale order exactly once, under duplicated, late and
 * reordered events, and never before its customer's trigger (dispatch, proof of delivery, or a finance person).
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "finance"))
@QuarkusTestResource(OdooStandinResource.class)
class InvoiceReleaseTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OdooClient odoo;

    @Inject
    OdooOperations operations;

    String finance;
    String partner;

    @BeforeEach
    void customer() {
        finance = FinanceTokens.finance("fiona");
        partner = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void policy(String policy) {
        given().auth()
                .oauth2(finance)
                .contentType(ContentType.JSON)
                .body(Map.of("policy", policy))
                .put("/api/v1/invoice-policies/" + partner)
                .then()
                .statusCode(200)
                .body("policy", equalTo(policy));
    }

    long saleOrder() {
        return confirmedSaleOrder(odoo, 1, 2);
    }

    /** A confirmed Odoo sale order of {@code quantity} of one product for customer 3; its id. */
    static long confirmedSaleOrder(OdooClient odoo, int product, int quantity) {
        long id = odoo.calls()
                .create("sale.order", Map.of("partner_id", 3, "order_line", List.of(List.of(0, 0, Map.of("product_id",
                        product, "product_uom_qty", quantity)))))
                .await()
                .atMost(WAIT);
        odoo.calls().callOnRecords("sale.order", "action_confirm", List.of(id), Map.of()).await().atMost(WAIT);
        return id;
    }

    List<Map<String, Object>> invoicesOf(long saleOrder) {
        String name = (String) OdooStandinResource.standin()
                .records("sale.order")
                .stream()
                .filter(order -> ((Number) order.get("id")).longValue() == saleOrder)
                .findFirst()
                .orElseThrow()
                .get("name");
        return OdooStandinResource.standin()
                .records("account.move")
                .stream()
                .filter(move -> "out_invoice".equals(move.get("move_type")) && name.equals(move.get("invoice_origin")))
                .toList();
    }

    static ProducerRecord<String, String> event(EventType type, String id, String subject, String json) {
        return CloudEventRecords.binary(type.topic(), id, type.type(), subject, json, Map.of("sequence", "1",
                "correlationid", "corr-" + subject));
    }

    ProducerRecord<String, String> released(String order, long saleOrder) {
        return event(EventCatalog.ORDER_RELEASED_V2, UUID.randomUUID().toString(), order, """
                {"orderId":"%s","channel":"web","externalId":"X-%s","partnerId":"%s","warehouse":"WH1",
                 "erp":{"erpRef":"sale.order/%d","name":"S%d","pickingIds":[]}}""".formatted(order, order, partner, saleOrder,
                saleOrder));
    }

    ProducerRecord<String, String> created(String shipment, String order) {
        return event(EventCatalog.SHIPMENT_CREATED_V1, UUID.randomUUID().toString(), shipment, """
                {"shipmentId":"%s","orderId":"%s","partnerId":"%s","warehouse":"WH1","destinationCountry":"DE"}"""
                .formatted(shipment, order, partner));
    }

    static ProducerRecord<String, String> dispatched(String shipment) {
        return event(EventCatalog.SHIPMENT_DISPATCHED_V1, UUID.randomUUID().toString(), shipment, """
                {"shipmentId":"%s","carrier":"Swift","trackingNumber":"1Z%s","dispatchedAt":"2026-03-01T08:00:00Z"}"""
                .formatted(shipment, shipment));
    }

    static ProducerRecord<String, String> delivered(String shipment) {
        return event(EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1, UUID.randomUUID().toString(), shipment, """
                {"shipmentId":"%s","trackingNumber":"1Z%s","signedBy":"R. Receiver","deliveredAt":"2026-03-02T10:00:00Z",
                 "receivedAt":"2026-03-02T10:05:00Z"}""".formatted(shipment, shipment));
    }

    static void produce(List<ProducerRecord<String, String>> records) {
        try (KafkaCompanion companion = TestKafka.companion()) {
            companion.produceStrings().fromRecords(records).awaitCompletion(WAIT);
        }
    }

    io.restassured.response.ValidatableResponse orderInvoice(String order) {
        return given().auth().oauth2(finance).get("/api/v1/order-invoices/" + order).then();
    }

    @Test
    void atProofOfDeliveryExactlyOnceUnderDuplicatedLateAndReorderedEventsAndNeverBefore() {
        policy("AT_POD");
        long saleOrder = saleOrder();
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        ProducerRecord<String, String> dispatch = dispatched(shipment);
        // Dispatched before the shipment is known, then the shipment, the release twice and the dispatch again.
        produce(List.of(dispatch, created(shipment, order), released(order, saleOrder), released(order, saleOrder), dispatch));
        await().atMost(WAIT)
                .untilAsserted(() -> orderInvoice(order).statusCode(200).body("saleOrderId", equalTo((int) saleOrder)));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            orderInvoice(order).body("status", equalTo("WAITING"));
            assertThat(invoicesOf(saleOrder)).isEmpty();
        });

        ProducerRecord<String, String> pod = delivered(shipment);
        produce(List.of(pod, pod, delivered(shipment)));
        await().atMost(WAIT).untilAsserted(() -> orderInvoice(order).body("status", equalTo("INVOICED")));
        String podId = new String(pod.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
        orderInvoice(order).body("triggerKind", equalTo("DELIVERED")).body("triggerEventId", equalTo(podId));
        int posts = OdooStandinResource.standin().calls("account.move", "action_post");
        produce(List.of(pod, released(order, saleOrder), dispatch, delivered(shipment)));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(invoicesOf(saleOrder)).hasSize(1)
                    .allSatisfy(invoice -> assertThat(invoice).containsEntry("state",
                            "posted"));
            assertThat(OdooStandinResource.standin().calls("account.move", "action_post")).isEqualTo(posts);
        });
        long invoice = ((Number) invoicesOf(saleOrder).get(0).get("id")).longValue();
        given().auth()
                .oauth2(finance)
                .queryParam("odooMoveId", invoice)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("CUSTOMER_INVOICE"))
                .body("[0].causedBy.trigger", equalTo("DELIVERED"))
                .body("[0].correlationId", equalTo("corr-" + order));
    }

    @Test
    void atDispatchTheDispatchReleasesAndManualWaitsForAPerson() {
        policy("AT_DISPATCH");
        long first = saleOrder();
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        produce(List.of(created(shipment, order), dispatched(shipment), released(order, first)));
        await().atMost(WAIT).untilAsserted(() -> orderInvoice(order).statusCode(200).body("status", equalTo("INVOICED")));
        assertThat(invoicesOf(first)).hasSize(1);

        policy("MANUAL");
        long second = saleOrder();
        String manual = "ORD-" + UUID.randomUUID();
        String parcel = "SHP-" + UUID.randomUUID();
        produce(List.of(released(manual, second), created(parcel, manual), dispatched(parcel), delivered(parcel)));
        await().atMost(WAIT)
                .untilAsserted(() -> orderInvoice(manual).statusCode(200).body("saleOrderId", equalTo((int) second)));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(invoicesOf(second)).isEmpty());
        given().auth()
                .oauth2(finance)
                .post("/api/v1/order-invoices/" + manual + "/release")
                .then()
                .statusCode(200)
                .body("releasedBy", equalTo("fiona"));
        await().atMost(WAIT).untilAsserted(() -> orderInvoice(manual).body("status", equalTo("INVOICED")));
        assertThat(invoicesOf(second)).hasSize(1);
        given().auth().oauth2(finance).post("/api/v1/order-invoices/" + manual + "/release").then().statusCode(409);
        given().auth().oauth2(finance).post("/api/v1/order-invoices/ORD-unknown/release").then().statusCode(404);
    }

    @Test
    void anOrderInACurrencyOdooHasNoRateOfTodayWaitsForTheRateNeverInvoicedAtOneToOne() {
        // Odoo invoices a sale order in its pricelist's currency at its rate of the day, 1:1 when it has none.
        policy("AT_DISPATCH");
        java.util.Random random = new java.util.Random();
        String code = "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        int currency = OdooStandinResource.standin().createAsSuperuser("res.currency", Map.of("name", code, "symbol", code));
        int pricelist = OdooStandinResource.standin()
                .createAsSuperuser("product.pricelist", Map.of("name", "In " + code, "currency_id", currency));
        long saleOrder = odoo.calls()
                .create("sale.order", Map.of("partner_id", 3, "pricelist_id", pricelist, "order_line", List.of(List.of(0, 0,
                        Map.of("product_id", 1, "product_uom_qty", 2)))))
                .await()
                .atMost(WAIT);
        odoo.calls().callOnRecords("sale.order", "action_confirm", List.of(saleOrder), Map.of()).await().atMost(WAIT);
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        produce(List.of(released(order, saleOrder), created(shipment, order), dispatched(shipment)));

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        await().atMost(WAIT)
                .untilAsserted(() -> orderInvoice(order).statusCode(200)
                        .body("error", equalTo("no exchange rate for " + code + " on " + today + " in Odoo")));
        assertThat(invoicesOf(saleOrder)).isEmpty();
        assertThat(CarrierTestFixture.exceptions(CustomerInvoicing.NO_RATE, order)).singleElement()
                .satisfies(item -> assertThat(item.get("status")).isEqualTo("OPEN"));

        // Finance adds the rate in Odoo (1.35 for a dollar): the next run invoices, 140.00 in the order's currency (the
        // stand-in prices the chairs at their list price, as Odoo does at 1:1 without a rate when the order is made).
        OdooStandinResource.standin()
                .createAsSuperuser("res.currency.rate", Map.of("name", "2026-01-01", "rate", 1.35, "currency_id", currency,
                        "company_id", 1));
        await().atMost(WAIT).untilAsserted(() -> orderInvoice(order).body("status", equalTo("INVOICED")));
        assertThat(invoicesOf(saleOrder)).singleElement()
                .satisfies(invoice -> assertThat(invoice.get("currency_id")).isEqualTo(List.of(currency, code)));
        assertThat(CarrierTestFixture.exceptions(CustomerInvoicing.NO_RATE, order)).singleElement()
                .satisfies(item -> assertThat(item.get("status")).isEqualTo("RESOLVED"));
        JsonPath posting = given().auth()
                .oauth2(finance)
                .queryParam("ref", "sale.order/" + saleOrder)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(posting.getString("[0].currency")).isEqualTo(code);
        assertThat(new BigDecimal(posting.getString("[0].companyAmount"))).as("140.00 / 1.35")
                .isEqualByComparingTo("103.70");
    }

    /**
     * An order of two chairs (140.00 USD) released to {@code saleOrder}, shipped with a label of 30.00 {@code currency}
     * bought on 2026-03-01, dispatched and invoiced at dispatch; its id.
     */
    String invoicedWithLabel(long saleOrder, String currency) {
        policy("AT_DISPATCH");
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        ProducerRecord<String, String> label = event(EventCatalog.LABEL_GENERATED_V2, UUID.randomUUID().toString(), shipment,
                """
                        {"shipmentId":"%s","carrier":"Swift","service":"ROAD","trackingNumber":"M%s","labelFormat":"PDF",
                         "parcels":1,"cost":{"amount":"30.00","currency":"%s"},"generatedAt":"2026-03-01T08:00:00Z"}"""
                        .formatted(shipment, shipment, currency));
        produce(List.of(released(order, saleOrder), created(shipment, order), label, dispatched(shipment)));
        await().atMost(WAIT).untilAsserted(() -> orderInvoice(order).statusCode(200).body("status", equalTo("INVOICED")));
        return order;
    }

    @Test
    void aMarginInTwoCurrenciesIsConvertedAtOdoosRateOfEachDayNeverAddedAcross() {
        long saleOrder = saleOrder();
        // The carrier charges 30.00 EUR on 2026-03-01, when Odoo's rate is 0.92 EUR per USD: 32.61 USD.
        String order = invoicedWithLabel(saleOrder, "EUR");

        given().auth()
                .oauth2(finance)
                .queryParam("orderId", order)
                .get("/api/v1/margins")
                .then()
                .statusCode(200)
                .body("[0].currency", equalTo("USD"))
                .body("[0].revenue", equalTo(140.0f))
                .body("[0].carrierCost", equalTo(32.61f))
                .body("[0].margin", equalTo(107.39f))
                .body("[0].carrierCostInOtherCurrencies.size()", equalTo(0))
                .body("[0].notConverted", nullValue())
                .body("[0].conversions.find { it.part == 'carrierCost' }.currency", equalTo("EUR"))
                .body("[0].conversions.find { it.part == 'carrierCost' }.day", equalTo("2026-03-01"))
                .body("[0].conversions.find { it.part == 'carrierCost' }.rate", equalTo(0.92f))
                .body("[0].conversions.find { it.part == 'carrierCost' }.rateDate", equalTo("2026-01-01"))
                .body("[0].conversions.find { it.part == 'carrierCost' }.companyAmount", equalTo(32.61f))
                .body("[0].conversions.find { it.part == 'revenue' }.rate", equalTo(1));
        // The customer invoice's posting shows what Odoo booked in the company currency.
        given().auth()
                .oauth2(finance)
                .queryParam("ref", "sale.order/" + saleOrder)
                .get("/api/v1/postings")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("CUSTOMER_INVOICE"))
                .body("[0].companyAmount", equalTo(140.0f))
                .body("[0].companyCurrency", equalTo("USD"))
                .body("[0].exchangeRate", equalTo(1.0f));
    }

    @Test
    void anOrdersMarginIsItsRevenueLessItsCarrierCost() {
        Instant before = Instant.now();
        String order = invoicedWithLabel(saleOrder(), "USD");

        given().auth()
                .oauth2(finance)
                .queryParam("orderId", order)
                .get("/api/v1/margins")
                .then()
                .statusCode(200)
                .body("[0].currency", equalTo("USD"))
                .body("[0].revenue", equalTo(140.0f))
                .body("[0].carrierCost", equalTo(30.0f))
                .body("[0].paymentFeesKnown", equalTo(false))
                .body("[0].margin", equalTo(110.0f));
        given().auth()
                .oauth2(finance)
                .queryParam("from", before.toString())
                .queryParam("to", Instant.now()
                        .plusSeconds(60)
                        .toString())
                .queryParam("limit", 1000)
                .get("/api/v1/margins")
                .then()
                .statusCode(200)
                .body("find { it.orderId == '" + order + "' }.margin", equalTo(110.0f));
        given().auth()
                .oauth2(finance)
                .queryParam("from", before.toString())
                .get("/api/v1/margins")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }

    String payouts(String csv, int status) {
        return given().auth()
                .oauth2(finance)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/payouts")
                .then()
                .statusCode(status)
                .extract()
                .path("id");
    }

    @Test
    void payoutFeesEnterTheMarginOnceAndUnmatchedPaymentsAreRaisedForFinance() {
        policy("AT_DISPATCH");
        long saleOrder = saleOrder();
        String order = "ORD-" + UUID.randomUUID();
        String shipment = "SHP-" + UUID.randomUUID();
        produce(List.of(released(order, saleOrder), created(shipment, order), dispatched(shipment)));
        await().atMost(WAIT).untilAsserted(() -> orderInvoice(order).statusCode(200).body("status", equalTo("INVOICED")));
        String s = UUID.randomUUID().toString().substring(0, 8);
        String header = "id,type,source,amount,fee,net,currency,created,available_on,reporting_category,payout,"
                + "description,order_id (metadata)\n";
        String charge = "txn_A" + s + ",charge,ch_A" + s + ",140.00,4.36,135.64,usd,2026-03-02 10:00:00,2026-03-04 00:00:00,"
                + "charge,po_" + s + ",\"Order " + order + ", web\"," + order + "\n";
        String file = header + charge
                + "txn_B" + s + ",charge,ch_B" + s + ",50.00,1.75,48.25,usd,2026-03-02 11:00,2026-03-04 00:00,charge,po_" + s
                + ",,ORD-unknown-" + s + "\n"
                + "txn_C" + s + ",payout,po_" + s + ",-183.89,0.00,-183.89,usd,1772668800,1772668800,payout,po_" + s + ",,\n";

        String imported = payouts(file, 201);
        given().auth()
                .oauth2(finance)
                .get("/api/v1/payouts/" + imported)
                .then()
                .statusCode(200)
                .body("payoutImport.matched", equalTo(1))
                .body("payoutImport.unmatched", equalTo(1))
                .body("payoutImport.notOrders", equalTo(1))
                .body("transactions[0].status", equalTo("MATCHED"))
                .body("transactions[0].orderId", equalTo(order))
                .body("transactions[0].odooInvoiceIds", org.hamcrest.Matchers.notNullValue())
                .body("transactions[1].status", equalTo("UNMATCHED"))
                .body("transactions[2].status", equalTo("NOT_ORDER"));
        assertThat(payouts(file, 200)).isEqualTo(imported);
        // A later export overlapping this one: the charge is not stored twice, the refund (no fee back) is matched.
        String later = payouts(header + charge + "txn_D" + s + ",refund,re_D" + s + ",-20.00,0.00,-20.00,usd,"
                + "2026-03-06 09:00,2026-03-06 09:00,refund,,," + order + "\n", 201);
        given().auth()
                .oauth2(finance)
                .get("/api/v1/payouts/" + later)
                .then()
                .statusCode(200)
                .body("payoutImport.alreadyImported", equalTo(1))
                .body("payoutImport.matched", equalTo(1))
                .body("transactions.size()", equalTo(1));

        given().auth()
                .oauth2(finance)
                .queryParam("orderId", order)
                .get("/api/v1/margins")
                .then()
                .statusCode(200)
                .body("[0].revenue", equalTo(140.0f))
                .body("[0].paymentFees", equalTo(4.36f))
                .body("[0].paymentFeesKnown", equalTo(true))
                .body("[0].margin", equalTo(135.64f));
        List<Map<String, Object>> raised = CarrierTestFixture.exceptions("finance.payout-unmatched", "txn_B" + s);
        assertThat(raised).hasSize(1);
        assertThat(String.valueOf(raised.get(0).get("payload"))).contains("ORD-unknown-" + s).contains("not known");

        given().auth()
                .oauth2(finance)
                .contentType("text/csv")
                .body(header + "txn_E" + s + ",charge,ch_E,10.00,1.00,8.00,usd,2026-03-02 10:00,,charge,,," + order + "\n")
                .post("/api/v1/payouts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("row 2, net"));
        given().auth()
                .oauth2(finance)
                .contentType("text/csv")
                .body("id,type,amount,net,currency,created\ntxn_F,charge,1.00,1.00,usd,2026-03-02 10:00\n")
                .post("/api/v1/payouts")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("row 1, fee"));
    }

    @Test
    void splitShipmentsEachInvoiceWhatTheyCarriedOncePerShipmentUnderDuplicatedAndReorderedEvents() {
        policy("AT_DISPATCH");
        int product = OdooStandinResource.standin()
                .createAsSuperuser("product.product", Map.of("name", "Split Chair",
                        "type", "consu", "list_price", 70.0, "invoice_policy", "delivery"));
        long saleOrder = confirmedSaleOrder(odoo, product, 3);
        String order = "ORD-" + UUID.randomUUID();
        String first = "SHP-" + UUID.randomUUID();
        String second = "SHP-" + UUID.randomUUID();
        // The first shipment carries one of the three: Odoo's delivery is validated short, the rest a backorder.
        long delivery = operations.stock().firstDelivery(saleOrder).await().atMost(WAIT).id();
        operations.stock().validateDelivery(delivery, Map.of((long) product, BigDecimal.ONE), true).await().atMost(WAIT);
        ProducerRecord<String, String> firstDispatched = dispatched(first);
        produce(List.of(firstDispatched, released(order, saleOrder), created(first, order), firstDispatched));
        await().atMost(WAIT)
                .untilAsserted(() -> orderInvoice(order).body("status", equalTo("INVOICED"))
                        .body("shipments.size()", equalTo(1))
                        .body("shipments[0].shipmentId", equalTo(first))
                        .body("shipments[0].revenue", equalTo(70.0f)));

        // The second carries the other two; its dispatch comes before it is known, twice, with the first's again.
        long backorder = operations.stock().backorderOf(delivery).await().atMost(WAIT).id();
        operations.stock().validateDelivery(backorder, Map.of((long) product, new BigDecimal("2")), true).await().atMost(WAIT);
        ProducerRecord<String, String> secondDispatched = dispatched(second);
        produce(List.of(secondDispatched, firstDispatched, secondDispatched, delivered(first), created(second, order),
                secondDispatched));
        await().atMost(WAIT)
                .untilAsserted(() -> orderInvoice(order).body("status", equalTo("INVOICED"))
                        .body("shipments.size()", equalTo(2))
                        .body("shipments.find { it.shipmentId == '" + second + "' }.status", equalTo("INVOICED"))
                        .body("revenue", equalTo(210.0f)));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(invoicesOf(saleOrder))
                        .hasSize(2));
        List<Map<String, Object>> invoices = invoicesOf(saleOrder);
        assertThat(invoices).extracting(invoice -> invoice.get("amount_total")).containsExactlyInAnyOrder(70.0, 140.0);
        assertThat(invoices).allSatisfy(invoice -> assertThat(invoice).containsEntry("state", "posted"));
        String secondInvoice = orderInvoice(order).extract()
                .path("shipments.find { it.shipmentId == '" + second
                        + "' }.invoiceIds");
        assertThat(invoices.stream()
                .filter(invoice -> invoice.get("id").toString().equals(secondInvoice))
                .map(invoice -> invoice.get("amount_total"))).containsExactly(140.0);
        given().auth()
                .oauth2(finance)
                .queryParam("orderId", order)
                .get("/api/v1/margins")
                .then()
                .statusCode(200)
                .body("[0].revenue", equalTo(210.0f));
    }
}
