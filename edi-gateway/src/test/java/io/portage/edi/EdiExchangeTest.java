package io.portage.edi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.Topics;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.X12Reader;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Real files over SFTP with the partners' loopback servers: 940s out to two differently configured 3PLs, their 945s
 * back as ShipConfirmed with a 997 each, a duplicate ignored, a malformed set refused whole, a missing 997 raised.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "edi"))
@QuarkusTestResource(SftpPartners.class)
class EdiExchangeTest {

    private static final AtomicLong CONTROL = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

    /** A released order and the 940 its 3PL found for it on its server. */
    record Sent(String orderId, String erpName, String x12) {
    }

    private static Sent release(String partner) {
        String erpName = "S" + CONTROL.incrementAndGet();
        String orderId = ReleasedOrders.release(partner, erpName);
        String x12 = PartnerFiles.awaitFile(SftpPartners.toPartner(partner),
                content -> content.contains("W05*N*" + erpName + "*"));
        return new Sent(orderId, erpName, x12);
    }

    /** Waits for exactly one exception of {@code type} matching {@code filter} (a GPath condition on {@code it}). */
    private static void awaitExceptions(String type, String filter) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("type", type)
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .statusCode(200)
                        .body("findAll { " + filter + " }", hasSize(1)));
    }

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    private static ReceivedInterchange valid(String x12) {
        ReceivedInterchange interchange = X12Reader.read(x12.getBytes(StandardCharsets.US_ASCII));
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.groups()).allSatisfy(group -> assertThat(group.sets())
                .allSatisfy(set -> assertThat(set.errors()).as(set.firstError() == null ? "" : set.firstError()).isEmpty()));
        return interchange;
    }

    @Test
    void aReleasedOrderIsA940OnItsThreePlsServerInThatPartnersTerms() {
        Sent sent = release(SftpPartners.ROTTERDAM);
        String x12 = sent.x12();
        ReceivedInterchange interchange = valid(x12);
        assertThat(interchange.sender().id()).isEqualTo("PORTAGE");
        assertThat(interchange.receiver().id()).isEqualTo("RTM3PL");
        assertThat(x12).contains("*U*00401*")
                .contains("GS*OW*PORTAGE*RTM3PL*")
                .contains("*X*004010~")
                .contains("N1*WH**91*RTM01~")
                .contains("W01*2*EA**VN*CH-01~")
                .contains("W01*1.5*EA**VN*SKU-DESK-07~")
                .contains("W76*3.5~");
        assertThat(PartnerFiles.names(SftpPartners.toPartner(SftpPartners.ROTTERDAM)))
                .noneMatch(name -> name.endsWith(".part"));
    }

    @Test
    void theOtherThreePlGetsItsOwnVersionQualifiersAndCodes() {
        Sent sent = release(SftpPartners.VENLO);
        String x12 = sent.x12();
        valid(x12);
        assertThat(x12).contains("*01*123456789      *")
                .contains("*^*00501*")
                .contains("GS*OW*PORTAGE*VENLOWMS*")
                .contains("*X*005010~")
                .contains("W01*2*PC**SK*SKU-CHAIR-01~")
                .contains("W01*1.5*PC**SK*DESK7~");
    }

    @Test
    void a945BecomesShipConfirmedWithA997AndTheSameFileTwiceCreatesNothingNew() {
        Sent sent = release(SftpPartners.ROTTERDAM);
        String erpName = sent.erpName();
        String orderId = sent.orderId();

        long control = CONTROL.incrementAndGet();
        String advice = PartnerFiles.shippingAdvice("ZZ", "RTM3PL", "004010", control, erpName, "CH-01", "SKU-DESK-07");
        SftpPartners.partnerSends(SftpPartners.ROTTERDAM, "945-" + control + ".x12", advice);

        ConsumerRecord<String, String> shipped = TestKafka.awaitRecord(Topics.WAREHOUSE,
                r -> orderId.equals(r.key()) && EventCatalog.SHIP_CONFIRMED_V1.type().equals(TestKafka.header(r, "ce_type")));
        assertThat(shipped.value()).contains("\"site\":\"" + SftpPartners.ROTTERDAM + "\"")
                .contains("\"carrier\":\"UPSN\"")
                .contains("\"sku\":\"SKU-CHAIR-01\"")
                .contains("\"shippedQuantity\":1.5");
        assertThat(TestKafka.header(shipped, "ce_correlationid")).isEqualTo("corr-" + orderId);
        assertThat(TestKafka.header(shipped, "ce_sequence")).isEqualTo("1");

        String ack = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.ROTTERDAM),
                content -> content.contains("AK1*SW*" + control + "~"));
        valid(ack);
        assertThat(ack).contains("AK2*945*0001~").contains("AK5*A~").contains("AK9*A*1*1*1~");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> PartnerFiles.names(SftpPartners.fromPartner(SftpPartners.ROTTERDAM)).isEmpty());

        SftpPartners.partnerSends(SftpPartners.ROTTERDAM, "945-" + control + "-again.x12", advice);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> PartnerFiles.names(SftpPartners.fromPartner(SftpPartners.ROTTERDAM)).isEmpty());
        given().queryParam("partner", SftpPartners.ROTTERDAM)
                .queryParam("direction", "IN")
                .queryParam("document", "945")
                .when()
                .get("/ops/edi/files")
                .then()
                .statusCode(200)
                .body("findAll { it.interchangeControl == '" + String.format("%09d", control) + "' }", hasSize(1));
        List<String> acks = PartnerFiles.contents(SftpPartners.toPartner(SftpPartners.ROTTERDAM))
                .stream()
                .filter(content -> content.contains("AK1*SW*" + control + "~"))
                .toList();
        assertThat(acks).hasSize(1);
        List<ConsumerRecord<String, String>> events = TestKafka.recordsWithin(Topics.WAREHOUSE, Duration.ofSeconds(2),
                r -> orderId.equals(r.key()));
        assertThat(events).hasSize(1);
    }

    @Test
    void aMalformedSetIsRefusedWithItsSegmentAndReasonAndNothingOfItApplied() {
        Sent sent = release(SftpPartners.VENLO);
        String erpName = sent.erpName();
        String orderId = sent.orderId();

        long control = CONTROL.incrementAndGet();
        String broken = PartnerFiles.interchange("01", "123456789", "005010", control, "SW", "945",
                "W06*F*" + erpName + "*20261125*SHP-1", "W27*M*UPSN",
                "LX*1", "W12*CC*2*2**EA**VN*SKU-CHAIR-01",
                "LX*2", "W12*ZZ*1.5", "W03*3.5");
        SftpPartners.partnerSends(SftpPartners.VENLO, "945-broken-" + control + ".x12", broken);

        String ack = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.VENLO),
                content -> content.contains("AK1*SW*" + control + "~"));
        assertThat(ack).contains("AK3*W12*7**8~").contains("AK5*R*5~").contains("AK9*R*1*1*0~");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().queryParam("type", "edi.set-refused")
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .statusCode(200)
                        .body("findAll { it.summary.contains('" + String.format("%09d", control)
                                + "') || it.businessKey.contains('"
                                + String.format("%09d", control) + "') }", hasSize(1)));
        String summary = given().queryParam("type", "edi.set-refused")
                .when()
                .get("/ops/exceptions")
                .then()
                .extract()
                .path("find { it.businessKey.contains('" + String.format("%09d", control) + "') }.summary");
        assertThat(summary).contains("945-broken-" + control + ".x12").contains("segment W12 at position 7");
        assertThat(TestKafka.recordsWithin(Topics.WAREHOUSE, Duration.ofSeconds(2), r -> orderId.equals(r.key()))).isEmpty();
    }

    @Test
    void aMissing997IsAnException() {
        Sent sent = release(SftpPartners.ROTTERDAM);
        String orderId = sent.orderId();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given()
                        .queryParam("type", "edi.acknowledgment-missing")
                        .when()
                        .get("/ops/exceptions")
                        .then()
                        .statusCode(200)
                        .body("findAll { it.summary.contains('" + SftpPartners.ROTTERDAM + "') }.size()",
                                org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        given().queryParam("partner", SftpPartners.ROTTERDAM)
                .queryParam("document", "940")
                .when()
                .get("/ops/edi/files")
                .then()
                .statusCode(200)
                .body("find { it.businessKey == '" + orderId + "' }.ackStatus", org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.equalTo("M"), org.hamcrest.Matchers.equalTo("W")));
    }

    @Test
    void aCarriers214IsAStatusAndIts210EntersTheInvoiceAudit() {
        long control = CONTROL.incrementAndGet();
        String pro = "PRO-" + control;
        SftpPartners.partnerSends(SftpPartners.FREIGHTLINE, "214-" + control + ".x12",
                PartnerFiles.interchange("02", "FRLN", "004010", control, "QM", "214",
                        "B10*BOL-" + control + "*" + pro + "*FRLN", "LX*1", "AT7*X6*NS***20261205*1430*LT",
                        "MS1*Utrecht**NL", "LX*2", "AT7*X1*NS***20261205*1645*LT", "MS1*Rotterdam**NL"));

        ConsumerRecord<String, String> enRoute = TestKafka.awaitRecord(Topics.SHIPMENTS,
                r -> pro.equals(r.key()) && "1".equals(TestKafka.header(r, "ce_sequence")));
        assertThat(TestKafka.header(enRoute, "ce_type")).isEqualTo(EventCatalog.CARRIER_STATUS_REPORTED_V1.type());
        assertThat(enRoute.value()).contains("\"carrier\":\"freightline\"")
                .contains("\"statusCode\":\"X6\"")
                .contains("\"city\":\"Utrecht\"")
                .contains("\"statusAt\":\"2026-12-05T14:30:00Z\"");
        ConsumerRecord<String, String> arrived = TestKafka.awaitRecord(Topics.SHIPMENTS,
                r -> pro.equals(r.key()) && "2".equals(TestKafka.header(r, "ce_sequence")));
        assertThat(arrived.value()).contains("\"statusCode\":\"X1\"").contains("\"city\":\"Rotterdam\"");
        String ack = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.FREIGHTLINE),
                content -> content.contains("AK1*QM*" + control + "~"));
        assertThat(ack).contains("AK9*A*1*1*1~");

        long invoiceControl = CONTROL.incrementAndGet();
        String invoiceNumber = "INV-" + invoiceControl;
        SftpPartners.partnerSends(SftpPartners.FREIGHTLINE, "210-" + invoiceControl + ".x12",
                PartnerFiles.interchange("02", "FRLN", "004010", invoiceControl, "IM", "210",
                        "B3**" + invoiceNumber + "**PP**20261205*18250****FRLN", "C3*EUR",
                        "LX*1", "L11*" + pro + "*CN", "L1*1*120*FR*12000",
                        "LX*2", "L11*PRO-OTHER-1*CN", "L1*1*62.5*FR*6250"));

        ConsumerRecord<String, String> invoice = TestKafka.awaitRecord(Topics.FINANCE,
                r -> EventCatalog.CARRIER_INVOICE_RECEIVED_V1.type().equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains("\"invoiceNumber\":\"" + invoiceNumber + "\""));
        assertThat(invoice.value()).contains("\"carrier\":\"freightline\"")
                .contains("\"invoiceDate\":\"2026-12-05\"")
                .contains("\"total\":{\"amount\":\"182.50\",\"currency\":\"EUR\"}")
                .contains("{\"trackingNumber\":\"" + pro + "\",\"amount\":{\"amount\":\"120.00\",\"currency\":\"EUR\"}}");
        assertThat(invoice.key()).isEqualTo(TestKafka.header(invoice, "ce_subject"));
    }

    @Test
    void a944IsAReceiptAdvisedWithEachLinesConditionAndOneThatMatchesNothingIsRefused() {
        long control = CONTROL.incrementAndGet();
        String receipt = "RCV-" + control;
        SftpPartners.partnerSends(SftpPartners.ROTTERDAM, "944-" + control + ".x12",
                PartnerFiles.interchange("ZZ", "RTM3PL", "004010", control, "RE", "944",
                        "W17*F*20261205*" + receipt + "**ASN-" + control, "N9*PO*PO-" + control,
                        "LX*1", "W07*40*EA**VN*CH-01", "W13*2*EA*01", "LX*2", "W07*5*EA**VN*SKU-DESK-07", "W14*47"));

        ConsumerRecord<String, String> advised = TestKafka.awaitRecord(Topics.WAREHOUSE,
                r -> EventCatalog.RECEIPT_ADVISED_V1.type().equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains("\"warehouseReceiptNumber\":\"" + receipt + "\""));
        assertThat(advised.value()).contains("\"site\":\"" + SftpPartners.ROTTERDAM + "\"")
                .contains("\"purchaseOrderNumber\":\"PO-" + control + "\"")
                .contains("\"shipNoticeNumber\":\"ASN-" + control + "\"")
                .contains("{\"lineNumber\":1,\"sku\":\"SKU-CHAIR-01\",\"quantity\":40,\"unit\":\"EA\",\"condition\":\"GOOD\"}")
                .contains(
                        "{\"lineNumber\":2,\"sku\":\"SKU-CHAIR-01\",\"quantity\":2,\"unit\":\"EA\",\"condition\":\"DAMAGED\"}")
                .contains("{\"lineNumber\":3,\"sku\":\"SKU-DESK-07\",\"quantity\":5,\"unit\":\"EA\",\"condition\":\"GOOD\"}")
                .contains("\"receivedAt\":\"2026-12-05T00:00:00Z\"");
        assertThat(advised.key()).isEqualTo(TestKafka.header(advised, "ce_subject"));
        String ack = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.ROTTERDAM),
                content -> content.contains("AK1*RE*" + control + "~"));
        assertThat(ack).contains("AK2*944*0001~").contains("AK9*A*1*1*1~");

        long unmatched = CONTROL.incrementAndGet();
        SftpPartners.partnerSends(SftpPartners.ROTTERDAM, "944-" + unmatched + ".x12",
                PartnerFiles.interchange("ZZ", "RTM3PL", "004010", unmatched, "RE", "944",
                        "W17*F*20261205*RCV-" + unmatched, "LX*1", "W07*1*EA**VN*CH-01", "W14*1"));
        awaitExceptions("edi.set-refused", "it.businessKey.contains('" + String.format("%09d", unmatched)
                + "') && it.summary.contains('matches nothing')");
        assertThat(TestKafka.recordsWithin(Topics.WAREHOUSE, Duration.ofSeconds(2),
                r -> r.value().contains("\"warehouseReceiptNumber\":\"RCV-" + unmatched + "\""))).isEmpty();
    }

    @Test
    void aPartnerAskingForATa1GetsOneAndABadEnvelopeIsRejectedWithOneWhereThePartnerWantsIt() {
        long control = CONTROL.incrementAndGet();
        String isa = String.format("%09d", control);
        SftpPartners.partnerSends(SftpPartners.FREIGHTLINE, "214-ta1-" + control + ".x12",
                PartnerFiles.askingForTa1(PartnerFiles.interchange("02", "FRLN", "004010", control, "QM", "214",
                        "B10*BOL-" + control + "*PRO-" + control + "*FRLN", "LX*1", "AT7*X6*NS***20261205*1430*LT")));
        String accepted = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.FREIGHTLINE),
                content -> content.contains("TA1*" + isa + "*"));
        assertThat(accepted).contains("TA1*" + isa + "*261205*1015*A*000~").contains("IEA*0*");
        valid(accepted);

        long bad = CONTROL.incrementAndGet();
        String badIsa = String.format("%09d", bad);
        SftpPartners.partnerSends(SftpPartners.FREIGHTLINE, "214-bad-" + bad + ".x12",
                PartnerFiles.withMismatchedTrailer(PartnerFiles.interchange("02", "FRLN", "004010", bad, "QM", "214",
                        "B10*BOL-" + bad + "*PRO-" + bad + "*FRLN", "LX*1", "AT7*X6*NS***20261205*1430*LT")));
        String rejected = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.FREIGHTLINE),
                content -> content.contains("TA1*" + badIsa + "*"));
        assertThat(rejected).contains("TA1*" + badIsa + "*261205*1015*R*001~");
        awaitExceptions("edi.file-refused", "it.summary.contains('214-bad-" + bad + ".x12')");
        assertThat(TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(1),
                r -> ("PRO-" + bad).equals(r.key()))).isEmpty();
    }

    @Test
    void aTa1RejectingAnInterchangeClosesItsWaitAndIsAnException() {
        Sent sent = release(SftpPartners.VENLO);
        ReceivedInterchange ours = valid(sent.x12());
        long control = CONTROL.incrementAndGet();
        SftpPartners.partnerSends(SftpPartners.VENLO, "ta1-" + control + ".x12",
                PartnerFiles.interchangeAck("01", "123456789", "005010", control, ours.controlNumber(), "R", "022"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("partner", SftpPartners.VENLO)
                        .queryParam("document", "940")
                        .when()
                        .get("/ops/edi/files")
                        .then()
                        .statusCode(200)
                        .body("find { it.businessKey == '" + sent.orderId() + "' }.interchangeAck",
                                org.hamcrest.Matchers.equalTo("R"))
                        .body("find { it.businessKey == '" + sent.orderId() + "' }.ackStatus",
                                org.hamcrest.Matchers.equalTo("R")));
        awaitExceptions("edi.acknowledgment-rejected", "it.businessKey == '" + SftpPartners.VENLO + "|"
                + ours.controlNumber() + "' && it.summary.contains('TA1 note 022')");
        given().queryParam("partner", SftpPartners.VENLO)
                .queryParam("document", "TA1")
                .queryParam("direction", "IN")
                .when()
                .get("/ops/edi/files")
                .then()
                .statusCode(200)
                .body("findAll { it.interchangeControl == '" + String.format("%09d", control) + "' }", hasSize(1));
    }

    @Test
    void aStatusCodeNotInTheCodeListIsRefusedWithItsElementInThe997() {
        long control = CONTROL.incrementAndGet();
        String pro = "PRO-" + control;
        SftpPartners.partnerSends(SftpPartners.FREIGHTLINE, "214-code-" + control + ".x12",
                PartnerFiles.interchange("02", "FRLN", "004010", control, "QM", "214",
                        "B10*BOL-" + control + "*" + pro + "*FRLN", "LX*1", "AT7*Q9*NS***20261205*1430*LT"));

        String ack = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.FREIGHTLINE),
                content -> content.contains("AK1*QM*" + control + "~"));
        assertThat(ack).contains("AK3*AT7*4**8~")
                .contains("AK4*1*1650*7*Q9~")
                .contains("AK5*R*5~")
                .contains("AK9*R*1*1*0~");
        awaitExceptions("edi.set-refused", "it.businessKey.contains('" + String.format("%09d", control)
                + "') && it.summary.contains('element AT701: invalid code value')");
        assertThat(TestKafka.recordsWithin(Topics.SHIPMENTS, Duration.ofSeconds(1), r -> pro.equals(r.key()))).isEmpty();
    }
}
