package io.portage.odoo.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooDates;
import io.portage.odoo.standin.Fault;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/**
 * Change capture and the master-data cache against the Odoo stand-in, with real PostgreSQL and Kafka: what Odoo
 * changes is cached or announced once, however often it is read (overlap, webhook, reload), and an Odoo outage is
 * visible and caught up.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "odoosync"))
@QuarkusTestResource(OdooStandinResource.class)
class ChangeCaptureTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    OdooClient odoo;
    @Inject
    MasterData masterData;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @AfterEach
    void healOdoo() {
        OdooStandinResource.standin().faults().clear();
    }

    @Test
    void masterDataIsLoadedWholeThenFollowsEveryChangeIncludingArchiving() {
        poll();
        MasterData.Entry chair = db(() -> masterData.productBySku("PT-CHAIR-01")).orElseThrow();
        assertThat(chair.name()).isEqualTo("Office Chair");
        assertThat(chair.barcode()).isEqualTo("5400000000011");
        assertThat(chair.data().path("is_storable").asBoolean()).isTrue();
        assertThat(chair.modelSyncedAt()).isNotNull();
        assertThat(db(() -> masterData.productByBarcode("5400000000028"))).get()
                .extracting(MasterData.Entry::code)
                .isEqualTo("PT-DESK-01");
        assertThat(db(() -> masterData.partnerByRef("CUST-AZURE"))).get()
                .extracting(MasterData.Entry::name)
                .isEqualTo("Azure Interior");
        assertThat(db(() -> masterData.warehouseByCode("WH"))).isPresent();
        assertThat(db(() -> masterData.locationByName("WH/Stock"))).isPresent();
        assertThat(db(() -> masterData.carrierByName("Express Courier"))).isPresent();

        // Seven products created in one call share one write_date: with pages of 3 the tie crosses two page
        // boundaries, which keyset paging on (write_date, id) must not lose.
        String batch = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<Map<String, Object>> products = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            products.add(Map.of("name", "Crate " + i, "default_code", "CRATE-" + batch + "-" + i, "type", "consu"));
        }
        JsonNode created = await(odoo.calls().execute("product.product", "create", List.of(products), Map.of()));
        long renamed = created.get(0).asLong();
        long archived = created.get(1).asLong();
        poll();
        await(odoo.calls().write("product.product", List.of(renamed), Map.of("name", "Crate, stackable")));
        await(odoo.calls().write("product.product", List.of(archived), Map.of("active", false)));
        poll();

        for (int i = 1; i <= 7; i++) {
            String sku = "CRATE-" + batch + "-" + i;
            assertThat(db(() -> masterData.productBySku(sku))).as(sku).isPresent();
        }
        assertThat(db(() -> masterData.productBySku("CRATE-" + batch + "-1"))).get()
                .extracting(MasterData.Entry::name)
                .isEqualTo("Crate, stackable");
        assertThat(db(() -> masterData.productBySku("CRATE-" + batch + "-2"))).get()
                .extracting(MasterData.Entry::active)
                .isEqualTo(false);

        given().when()
                .get("/ops/odoo-sync")
                .then()
                .statusCode(200)
                .body("find { it.model == 'product.product' }.kind", equalTo("master"))
                .body("find { it.model == 'product.product' }.lastSuccessAt", notNullValue())
                .body("find { it.model == 'product.product' }.ageSeconds", notNullValue())
                .body("find { it.model == 'product.product' }.lastError", equalTo(null))
                .body("find { it.model == 'sale.order' }.kind", equalTo("changes"));
    }

    @Test
    void aConfirmedOrderIsAnnouncedOnceHoweverOftenItIsReadAndItsCancellationNext() throws Exception {
        long order = confirmedOrder("PO-" + UUID.randomUUID());
        String subject = "sale.order/" + order;
        poll();
        poll();

        ConsumerRecord<String, String> confirmed = TestKafka.awaitRecord(Topics.ERP, record -> subject.equals(record.key())
                && EventCatalog.ERP_ORDER_CONFIRMED_V1.type().equals(TestKafka.header(record, "ce_type")));
        assertThat(TestKafka.header(confirmed, "ce_source")).isEqualTo("urn:portage:odoo-sync");
        assertThat(TestKafka.header(confirmed, "ce_subject")).isEqualTo(subject);
        assertThat(TestKafka.header(confirmed, "ce_sequence")).isEqualTo("1");
        JsonNode data = json.readTree(confirmed.value());
        assertThat(data.path("erpRef").asText()).isEqualTo(subject);
        assertThat(data.path("instance").asText()).isEqualTo("test");
        assertThat(data.path("name").asText()).startsWith("S");
        assertThat(data.path("customerName").asText()).isEqualTo("Azure Interior");
        assertThat(data.path("pickingIds")).isNotEmpty();
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), subject)).isEqualTo(1);

        // Forgetting the watermark re-reads the lookback window: every version held is skipped, nothing is sent twice.
        given().auth()
                .oauth2(TestTokens.ops("ops.alice"))
                .when()
                .post("/ops/odoo-sync/sale.order/reload")
                .then()
                .statusCode(200)
                .body("model", equalTo("sale.order"));
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), subject)).isEqualTo(1);

        await(odoo.calls().callOnRecords("sale.order", "action_cancel", List.of(order), Map.of()));
        poll();
        ConsumerRecord<String, String> cancelled = TestKafka.awaitRecord(Topics.ERP, record -> subject.equals(record.key())
                && EventCatalog.ERP_ORDER_CANCELLED_V1.type().equals(TestKafka.header(record, "ce_type")));
        assertThat(TestKafka.header(cancelled, "ce_sequence")).isEqualTo("2");
        assertThat(staged(EventCatalog.ERP_ORDER_CANCELLED_V1.type(), subject)).isEqualTo(1);
    }

    /**
     * ODOO.md, "Getting events out of Odoo": a poller sees the state a record has at each poll, not the states in
     * between; a confirmation leaves a "Sales Order Confirmed" message in the order's chatter, which an integration user
     * may read. An order held as a quotation, then confirmed and cancelled between two polls, is announced confirmed
     * (at the time of its confirmation) and then cancelled, in that order.
     */
    @Test
    void anOrderConfirmedAndCancelledBetweenTwoPollsIsAnnouncedConfirmedThenCancelled() throws Exception {
        long order = quotation("PO-" + UUID.randomUUID());
        String subject = "sale.order/" + order;
        poll();
        await(odoo.calls().callOnRecords("sale.order", "action_confirm", List.of(order), Map.of()));
        Instant confirmedAt = writeDate("sale.order", order);
        await(odoo.calls().callOnRecords("sale.order", "action_cancel", List.of(order), Map.of()));
        Instant cancelledAt = writeDate("sale.order", order);
        poll();
        poll();

        ConsumerRecord<String, String> confirmed = TestKafka.awaitRecord(Topics.ERP, record -> subject.equals(record.key())
                && EventCatalog.ERP_ORDER_CONFIRMED_V1.type().equals(TestKafka.header(record, "ce_type")));
        ConsumerRecord<String, String> cancelled = TestKafka.awaitRecord(Topics.ERP, record -> subject.equals(record.key())
                && EventCatalog.ERP_ORDER_CANCELLED_V1.type().equals(TestKafka.header(record, "ce_type")));
        assertThat(TestKafka.header(confirmed, "ce_sequence")).isEqualTo("1");
        assertThat(TestKafka.header(cancelled, "ce_sequence")).isEqualTo("2");
        assertThat(confirmed.offset()).isLessThan(cancelled.offset());
        JsonNode data = json.readTree(confirmed.value());
        // The confirmation's own time (Odoo's second precision), not the time the cancellation was read.
        assertThat(Instant.parse(data.path("changedAt").asText())).isBetween(confirmedAt, cancelledAt);
        assertThat(Instant.parse(json.readTree(cancelled.value()).path("changedAt").asText())).isEqualTo(cancelledAt);
        assertThat(data.path("pickingIds")).isNotEmpty();
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), subject)).isEqualTo(1);
        assertThat(staged(EventCatalog.ERP_ORDER_CANCELLED_V1.type(), subject)).isEqualTo(1);
    }

    /** The same when the poller meets the order for the first time already cancelled; a quotation cancelled is not. */
    @Test
    void anOrderFirstSeenCancelledIsAnnouncedConfirmedFirstOnlyWhenItWasConfirmed() {
        long confirmedThenCancelled = confirmedOrder("PO-" + UUID.randomUUID());
        await(odoo.calls().callOnRecords("sale.order", "action_cancel", List.of(confirmedThenCancelled), Map.of()));
        long quotationCancelled = quotation("PO-" + UUID.randomUUID());
        await(odoo.calls().callOnRecords("sale.order", "action_cancel", List.of(quotationCancelled), Map.of()));
        poll();
        poll();
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), "sale.order/" + confirmedThenCancelled))
                .isEqualTo(1);
        assertThat(staged(EventCatalog.ERP_ORDER_CANCELLED_V1.type(), "sale.order/" + confirmedThenCancelled))
                .isEqualTo(1);
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), "sale.order/" + quotationCancelled)).isZero();
        assertThat(staged(EventCatalog.ERP_ORDER_CANCELLED_V1.type(), "sale.order/" + quotationCancelled)).isEqualTo(1);
    }

    @Test
    void aChangeCommittedLateWithAnOlderWriteDateIsCaughtByTheOverlap() {
        long first = confirmedOrder("PO-" + UUID.randomUUID());
        poll();
        Instant watermark = writeDate("sale.order", first);
        // A transaction that started 3 s before the newest change read, and committed only now (overlap is 5 s).
        long late = confirmedOrder("PO-" + UUID.randomUUID());
        OdooStandinResource.standin().stampWriteDate("sale.order", (int) late, watermark.minusSeconds(3));
        poll();
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), "sale.order/" + late)).isEqualTo(1);
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), "sale.order/" + first)).isEqualTo(1);
    }

    @Test
    void aSecondChangeWithinTheSameSecondIsNotMistakenForTheVersionHeld() {
        long order = confirmedOrder("PO-" + UUID.randomUUID());
        poll();
        Instant confirmedAt = writeDate("sale.order", order);
        await(odoo.calls().callOnRecords("sale.order", "action_cancel", List.of(order), Map.of()));
        // Odoo's write_date has second precision: the cancel may carry the very stamp of the confirmation.
        OdooStandinResource.standin().stampWriteDate("sale.order", (int) order, confirmedAt);
        poll();
        poll();
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), "sale.order/" + order)).isEqualTo(1);
        assertThat(staged(EventCatalog.ERP_ORDER_CANCELLED_V1.type(), "sale.order/" + order)).isEqualTo(1);
    }

    @Test
    void validatedTransfersAndPostedInvoicesAreAnnouncedButDraftsAndEntriesAreNot() throws Exception {
        long order = confirmedOrder("PO-" + UUID.randomUUID());
        JsonNode read = await(odoo.calls().read("sale.order", List.of(order), List.of("picking_ids", "name"))).get(0);
        long picking = read.path("picking_ids").get(0).asLong();
        poll();
        String pickingSubject = "stock.picking/" + picking;
        assertThat(staged(EventCatalog.ERP_PICKING_DONE_V1.type(), pickingSubject)).isZero();

        await(odoo.calls().write("stock.picking", List.of(picking), Map.of("carrier_tracking_ref", "JVGL-" + order)));
        List<JsonNode> moves = await(odoo.calls()
                .searchRead("stock.move", List.of(List.of("picking_id", "=", picking)),
                        List.of("product_uom_qty"), 0, 0, "id"));
        for (JsonNode move : moves) {
            await(odoo.calls()
                    .write("stock.move", List.of(move.path("id").asLong()),
                            Map.of("quantity", move.path("product_uom_qty").asDouble())));
        }
        await(odoo.calls().callOnRecords("stock.picking", "button_validate", List.of(picking), Map.of()));

        long invoice = await(odoo.calls()
                .create("account.move", Map.of("move_type", "out_invoice", "partner_id", 3,
                        "ref", "PORTAGE-INV-" + order, "invoice_line_ids",
                        List.of(List.of(0, 0, Map.of("product_id", 2, "name", "Standing Desk", "quantity", 2, "price_unit",
                                350.0))))));
        long entry = await(odoo.calls()
                .create("account.move", Map.of("move_type", "entry", "ref", "ACCRUAL-" + order,
                        "line_ids", List.of(
                                List.of(0, 0, Map.of("name", "Freight accrual", "account_id", 4, "debit", 16.4, "credit", 0.0)),
                                List.of(0, 0,
                                        Map.of("name", "Freight accrual", "account_id", 5, "debit", 0.0, "credit", 16.4))))));
        long draft = await(odoo.calls()
                .create("account.move", Map.of("move_type", "out_invoice", "partner_id", 3,
                        "invoice_line_ids",
                        List.of(List.of(0, 0, Map.of("name", "Draft", "quantity", 1, "price_unit", 1.0))))));
        await(odoo.calls().callOnRecords("account.move", "action_post", List.of(invoice, entry), Map.of()));
        poll();

        ConsumerRecord<String, String> done = TestKafka.awaitRecord(Topics.ERP, record -> pickingSubject.equals(record.key()));
        JsonNode pickingData = json.readTree(done.value());
        assertThat(TestKafka.header(done, "ce_type")).isEqualTo(EventCatalog.ERP_PICKING_DONE_V1.type());
        assertThat(pickingData.path("carrierTrackingRef").asText()).isEqualTo("JVGL-" + order);
        assertThat(pickingData.path("saleOrderId").asLong()).isEqualTo(order);
        assertThat(pickingData.path("origin").asText()).contains(read.path("name").asText());

        ConsumerRecord<String, String> posted = TestKafka.awaitRecord(Topics.ERP,
                record -> ("account.move/" + invoice).equals(record.key()));
        JsonNode invoiceData = json.readTree(posted.value());
        assertThat(invoiceData.path("moveType").asText()).isEqualTo("out_invoice");
        assertThat(invoiceData.path("ref").asText()).isEqualTo("PORTAGE-INV-" + order);
        assertThat(new BigDecimal(invoiceData.path("amountTotal").asText())).isEqualByComparingTo("700");
        assertThat(invoiceData.path("name").asText()).startsWith("INV/");
        assertThat(staged(EventCatalog.ERP_INVOICE_POSTED_V1.type(), "account.move/" + entry)).isZero();
        assertThat(staged(EventCatalog.ERP_INVOICE_POSTED_V1.type(), "account.move/" + draft)).isZero();
    }

    @Test
    void theWebhookIsAnAuthenticatedFastPathThatNeverDoublesThePoller() {
        given().contentType(ContentType.JSON)
                .body("{\"_model\":\"sale.order\",\"_id\":1}")
                .when()
                .post("/odoo/webhook")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"_model\":\"sale.order\",\"_id\":1}")
                .when()
                .post("/odoo/webhook?token=wrong")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"_model\":\"sale.order\",\"_id\":\"one\"}")
                .when()
                .post("/odoo/webhook?token=s3cret-hook")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("_id"));
        given().contentType(ContentType.JSON)
                .body("{\"_model\":\"res.users\",\"_id\":2}")
                .when()
                .post("/odoo/webhook?token=s3cret-hook")
                .then()
                .statusCode(202)
                .body("status", equalTo("ignored: model not followed"));

        long order = confirmedOrder("PO-" + UUID.randomUUID());
        String subject = "sale.order/" + order;
        given().contentType(ContentType.JSON)
                .body("{\"_model\":\"sale.order\",\"_id\":" + order + ",\"_action\":\"Send Webhook Notification(#7)\","
                        + "\"state\":\"sale\"}")
                .when()
                .post("/odoo/webhook?token=s3cret-hook")
                .then()
                .statusCode(202)
                .body("status", equalTo("queued"));
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), subject) == 1);
        poll();
        poll();
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), subject)).isEqualTo(1);
    }

    @Test
    void anOdooOutageIsVisibleInTheStatusAndTheNextPollCatchesUp() {
        long order = confirmedOrder("PO-" + UUID.randomUUID());
        String subject = "sale.order/" + order;
        OdooStandinResource.standin().faults().failNext(10_000, Fault.UNAVAILABLE_503);
        given().auth().oauth2(TestTokens.ops("ops.alice")).when().post("/ops/odoo-sync/poll").then().statusCode(200);
        given().when()
                .get("/ops/odoo-sync")
                .then()
                .statusCode(200)
                .body("find { it.model == 'sale.order' }.lastError", notNullValue());
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), subject)).isZero();

        OdooStandinResource.standin().faults().clear();
        poll();
        given().when()
                .get("/ops/odoo-sync")
                .then()
                .statusCode(200)
                .body("find { it.model == 'sale.order' }.lastError", equalTo(null));
        assertThat(staged(EventCatalog.ERP_ORDER_CONFIRMED_V1.type(), subject)).isEqualTo(1);
    }

    @Test
    void operationsAreForOperatorsOnlyAndUnknownModelsAreProblems() {
        given().auth().none().when().post("/ops/odoo-sync/poll").then().statusCode(401);
        given().auth().oauth2(TestTokens.partner("acme")).when().post("/ops/odoo-sync/poll").then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.ops("ops.alice"))
                .when()
                .post("/ops/odoo-sync/res.users/reload")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private long confirmedOrder(String ref) {
        long order = quotation(ref);
        await(odoo.calls().callOnRecords("sale.order", "action_confirm", List.of(order), Map.of()));
        return order;
    }

    private long quotation(String ref) {
        return await(odoo.calls()
                .create("sale.order", Map.of("partner_id", 3, "client_order_ref", ref, "order_line",
                        List.of(List.of(0, 0, Map.of("product_id", 2, "product_uom_qty", 1))))));
    }

    private Instant writeDate(String model, long id) {
        return OdooDates.parse(await(odoo.calls().read(model, List.of(id), List.of("write_date"))).get(0)
                .path("write_date")
                .asText());
    }

    private static void poll() {
        given().auth().oauth2(TestTokens.ops("ops.alice")).when().post("/ops/odoo-sync/poll").then().statusCode(200);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    /** Events of {@code type} about {@code subject} in the outbox: staged once means published once. */
    private static long staged(String type, String subject) {
        return db(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from sync.outbox_event where type = :type and subject = :subject", Long.class)
                        .setParameter("type", type)
                        .setParameter("subject", subject)
                        .getSingleResult())));
    }

    private static <T> T db(Supplier<Uni<T>> work) {
        return OnVertx.await(work, WAIT);
    }

}
