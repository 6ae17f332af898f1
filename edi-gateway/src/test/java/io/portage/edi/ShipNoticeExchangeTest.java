package io.portage.edi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.X12Reader;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * 856 ship notices over SFTP at dispatch, each customer in its own rules: shipment, order, pack (SSCC-18) and item
 * levels for one, shipment, order and item in 005010 for the other; none for a customer who wants none; one per
 * shipment however often its dispatch is told.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "edi"))
@QuarkusTestResource(SftpPartners.class)
class ShipNoticeExchangeTest {

    private static final AtomicLong CONTROL = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

    @Inject
    Pool database;

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    private static String erpName() {
        return "S" + CONTROL.incrementAndGet();
    }

    private static String sscc() {
        return String.format("0061414%011d", CONTROL.incrementAndGet() % 100_000_000_000L);
    }

    private static String shipmentNumber(String shipmentId) {
        return shipmentId.replace("-", "").substring(0, 30);
    }

    private static ReceivedInterchange valid(String x12) {
        ReceivedInterchange interchange = X12Reader.read(x12.getBytes(StandardCharsets.US_ASCII));
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.groups()).allSatisfy(group -> assertThat(group.sets())
                .allSatisfy(set -> assertThat(set.errors()).as(String.valueOf(set.firstError())).isEmpty()));
        return interchange;
    }

    private long rows(String sql, String parameter) {
        return database.preparedQuery(sql)
                .execute(Tuple.of(parameter))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void aDispatchIsAn856OnTheCustomersServerInItsRulesWithItsPacksOnceHoweverOftenItIsTold() {
        String erpName = erpName();
        String orderId = UUID.randomUUID().toString();
        String first = sscc();
        String second = sscc();
        // The packs are read before the order's release (another topic, another consumer): they are kept all the same.
        ShipmentFacts.packed(orderId, first, second);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows("select count(*) from edi.edi_pack where order_id = $1", orderId) == 2);
        ReleasedOrders.releaseToWarehouse(SftpPartners.ACME, erpName, orderId);

        String shipmentId = UUID.randomUUID().toString();
        String tracking = "JD014600" + CONTROL.incrementAndGet();
        ShipmentFacts.created(shipmentId, orderId, SftpPartners.ACME);
        ProducerRecord<String, String> dispatched = ShipmentFacts.dispatched(UUID.randomUUID().toString(), shipmentId,
                tracking, 2);
        ShipmentFacts.send(dispatched, dispatched,
                ShipmentFacts.dispatched(UUID.randomUUID().toString(), shipmentId, tracking, 3));

        String x12 = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.ACME),
                content -> content.contains("BSN*00*" + shipmentNumber(shipmentId) + "*"));
        ReceivedInterchange interchange = valid(x12);
        assertThat(interchange.receiver().id()).isEqualTo("ACMERTL");
        assertThat(x12).contains("GS*SH*PORTAGE*ACMERTL*")
                .contains("*X*004010~")
                .contains("*20261205*1430*0001~")
                .contains("HL*1**S~\nTD1*CTN25*2~\nTD5*B*2*DHLC~\nREF*BM*" + tracking + "~\nREF*CN*" + tracking + "~")
                .contains("N1*ST*Ada Lovelace~")
                .contains("N1*SF*PORTAGE*UL*0614141000005~")
                .contains("HL*2*1*O~\nPRF*NW-" + erpName + "~\nREF*VN*" + erpName + "~")
                .contains("HL*3*2*P~\nMAN*GM*" + first + "~\nHL*4*3*I~\nLIN*1*BP*ACME-CH~\nSN1**2*EA~")
                .contains("HL*5*2*P~\nMAN*GM*" + second + "~\nHL*6*5*I~\nLIN*2*BP*SKU-DESK-07~\nSN1**1.5*EA~")
                .contains("CTT*6*3.5~");

        await().pollDelay(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().queryParam("partner", SftpPartners.ACME)
                        .queryParam("document", "856")
                        .when()
                        .get("/ops/edi/files")
                        .then()
                        .statusCode(200)
                        .body("findAll { it.businessKey == '" + shipmentId + "' }", hasSize(1))
                        .body("find { it.businessKey == '" + shipmentId + "' }.correlationId",
                                org.hamcrest.Matchers.equalTo("corr-" + orderId))
                        .body("find { it.businessKey == '" + shipmentId + "' }.ackStatus",
                                org.hamcrest.Matchers.equalTo("W")));
        assertThat(PartnerFiles.contents(SftpPartners.toPartner(SftpPartners.ACME)))
                .filteredOn(content -> content.contains("BSN*00*" + shipmentNumber(shipmentId) + "*"))
                .hasSize(1);

        Matcher group = Pattern.compile("GS\\*SH\\*[^*]*\\*[^*]*\\*\\d+\\*\\d+\\*(\\d+)\\*").matcher(x12);
        Matcher set = Pattern.compile("ST\\*856\\*(\\d+)~").matcher(x12);
        assertThat(group.find() && set.find()).isTrue();
        long control = CONTROL.incrementAndGet();
        // It asks for a TA1, which this customer is configured not to get (ta1.when-requested=false).
        SftpPartners.partnerSends(SftpPartners.ACME, "997-" + control + ".x12",
                PartnerFiles.askingForTa1(PartnerFiles.interchange("ZZ", "ACMERTL", "004010", control, "FA", "997",
                        "AK1*SH*" + group.group(1), "AK2*856*" + set.group(1), "AK5*A", "AK9*A*1*1*1")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("partner", SftpPartners.ACME)
                        .queryParam("document", "856")
                        .when()
                        .get("/ops/edi/files")
                        .then()
                        .statusCode(200)
                        .body("find { it.businessKey == '" + shipmentId + "' }.ackStatus",
                                org.hamcrest.Matchers.equalTo("A")));
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(PartnerFiles.contents(SftpPartners.toPartner(SftpPartners.ACME)))
                        .noneMatch(content -> content.contains("TA1*" + String.format("%09d", control))));
    }

    @Test
    void anotherCustomerGetsShipmentOrderItemIn005010AndADispatchBeforeTheOrderWaitsForIt() {
        String shipmentId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        String erpName = erpName();
        // The shipment is told before the order's release reaches edi-gateway: its 856 waits for the order.
        ShipmentFacts.created(shipmentId, orderId, SftpPartners.BOLT);
        ShipmentFacts.send(ShipmentFacts.dispatched(UUID.randomUUID().toString(), shipmentId, "1Z-" + erpName, 2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rows(
                        "select count(*) from edi.edi_ship_notice where shipment_id = $1 and status = 'WAITING'",
                        shipmentId) == 1);
        ReleasedOrders.releaseToWarehouse(SftpPartners.BOLT, erpName, orderId);

        String x12 = PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.BOLT),
                content -> content.contains("BSN*00*" + shipmentNumber(shipmentId) + "*"));
        valid(x12);
        assertThat(x12).contains("*01*987654321      *")
                .contains("*X*005010~")
                .contains("*0004~")
                .contains("REF*CN*1Z-" + erpName + "~")
                .contains("REF*CO*NW-" + erpName + "~")
                .doesNotContain("N1*SF")
                .doesNotContain("MAN*")
                .contains("HL*3*2*I~\nLIN*1*VN*SKU-CHAIR-01~\nSN1**2*EA~");
    }

    @Test
    void aDispatchForACustomerWhoWantsNo856SendsNothing() {
        String erpName = erpName();
        String orderId = ReleasedOrders.releaseToWarehouse("northwind", erpName);
        String shipmentId = UUID.randomUUID().toString();
        ShipmentFacts.created(shipmentId, orderId, "northwind");
        ShipmentFacts.send(ShipmentFacts.dispatched(UUID.randomUUID().toString(), shipmentId, "NW" + erpName, 2));

        // An 856 customer's shipment told after it is noticed: by then the first has been read too.
        String acmeShipment = UUID.randomUUID().toString();
        String acmeOrder = ReleasedOrders.releaseToWarehouse(SftpPartners.ACME, erpName());
        ShipmentFacts.created(acmeShipment, acmeOrder, SftpPartners.ACME);
        ShipmentFacts.send(ShipmentFacts.dispatched(UUID.randomUUID().toString(), acmeShipment, "JD-" + erpName, 2));
        PartnerFiles.awaitFile(SftpPartners.toPartner(SftpPartners.ACME),
                content -> content.contains("BSN*00*" + shipmentNumber(acmeShipment) + "*"));

        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().queryParam("document", "856")
                        .when()
                        .get("/ops/edi/files")
                        .then()
                        .statusCode(200)
                        .body("findAll { it.businessKey == '" + shipmentId + "' }", hasSize(0)));
        assertThat(rows("select count(*) from edi.edi_ship_notice where shipment_id = $1", shipmentId)).isZero();
        assertThat(rows("select count(*) from edi.edi_customer_order where order_id = $1", orderId)).isZero();
    }
}
