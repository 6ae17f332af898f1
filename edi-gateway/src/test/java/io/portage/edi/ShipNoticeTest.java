package io.portage.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.ShipNotice;
import io.portage.edi.domain.ShipNoticeRules;
import io.portage.edi.domain.ShippingOrder;
import io.portage.edi.domain.X12Party;
import io.portage.edi.domain.X12Version;
import io.portage.edi.domain.x12.Envelope;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.ShipNotice856;
import io.portage.edi.domain.x12.X12Reader;
import io.portage.edi.domain.x12.X12WriteException;
import io.portage.edi.domain.x12.X12Writer;

/** The 856 in each customer's rules: HL levels, REF qualifiers and N1 parties as configured, validated on write. */
class ShipNoticeTest {

    static final Instant AT = Instant.parse("2026-12-05T14:30:00Z");
    static final String SSCC_1 = "006141411234567890";
    static final String SSCC_2 = "006141411234567906";

    static ShipNotice notice(String purchaseOrder) {
        ShipNotice.Item chair = new ShipNotice.Item(1, "BP", "ACME-CH", new BigDecimal("2"), "EA");
        ShipNotice.Item desk = new ShipNotice.Item(2, "BP", "SKU-DESK-07", new BigDecimal("1.5"), "EA");
        return new ShipNotice("0b9f6a4e11114c3b9d7a5d0c2f4b7e", AT, "DHLC", "JD0142", 2,
                new ShippingOrder.ShipTo("Ada Lovelace", "12 Dock Road", "Rotterdam", "3011 AA", "NL"), purchaseOrder,
                "S00042", purchaseOrder,
                List.of(new ShipNotice.Pack(SSCC_1, List.of(chair)), new ShipNotice.Pack(SSCC_2, List.of(desk))),
                List.of(chair, desk));
    }

    static String write(ShipNotice notice, ShipNoticeRules rules, X12Version version) {
        Envelope envelope = new Envelope(new X12Party("ZZ", "PORTAGE"), new X12Party("ZZ", "ACMERTL"), "PORTAGE",
                "ACMERTL", version, "T", 9, 3, AT);
        return X12Writer.write(envelope, DocumentType.SHIP_NOTICE,
                List.of(new X12Writer.TransactionSet("0001", ShipNotice856.of(notice, rules))));
    }

    static void assertValid(String x12) {
        ReceivedInterchange read = X12Reader.read(x12.getBytes(StandardCharsets.US_ASCII));
        assertThat(read.errors()).isEmpty();
        ReceivedInterchange.TransactionSet set = read.groups().get(0).sets().get(0);
        assertThat(set.errors()).as(String.valueOf(set.firstError())).isEmpty();
        assertThat(set.errorCodes()).isEmpty();
    }

    @Test
    void shipmentOrderPackItemWithTheSsccsAndTheCustomersQualifiers() {
        ShipNoticeRules rules = ShipNoticeRules.of(Map.of("asn.shipment-refs", "BM,CN", "asn.order-refs", "VN",
                "asn.ship-from.qualifier", "UL", "asn.ship-from.id", "0614141000005"));

        String x12 = write(notice("NW-4711"), rules, X12Version.V004010);

        assertValid(x12);
        assertThat(x12).contains("GS*SH*PORTAGE*ACMERTL*")
                .contains("ST*856*0001~")
                .contains("BSN*00*0b9f6a4e11114c3b9d7a5d0c2f4b7e*20261205*1430*0001~")
                .contains("HL*1**S~\nTD1*CTN25*2~\nTD5*B*2*DHLC~\nREF*BM*JD0142~\nREF*CN*JD0142~\nDTM*011*20261205*1430~")
                .contains("N1*ST*Ada Lovelace~\nN3*12 Dock Road~\nN4*Rotterdam**3011 AA*NL~")
                .contains("N1*SF*PORTAGE*UL*0614141000005~")
                .contains("HL*2*1*O~\nPRF*NW-4711~\nREF*VN*S00042~")
                .contains("HL*3*2*P~\nMAN*GM*" + SSCC_1 + "~\nHL*4*3*I~\nLIN*1*BP*ACME-CH~\nSN1**2*EA~")
                .contains("HL*5*2*P~\nMAN*GM*" + SSCC_2 + "~\nHL*6*5*I~\nLIN*2*BP*SKU-DESK-07~\nSN1**1.5*EA~")
                .contains("CTT*6*3.5~");
    }

    @Test
    void shipmentOrderItemWhenTheCustomerWantsNoPackLevel() {
        ShipNoticeRules rules = ShipNoticeRules.of(Map.of("asn.levels", "S,O,I", "asn.order-refs", "CO",
                "asn.parties", "ST"));

        String x12 = write(notice("PO-77"), rules, X12Version.V005010);

        assertValid(x12);
        assertThat(x12).contains("*0004~")
                .contains("REF*CN*JD0142~")
                .contains("REF*CO*PO-77~")
                .doesNotContain("MAN*")
                .doesNotContain("N1*SF")
                .contains("HL*3*2*I~\nLIN*1*BP*ACME-CH~")
                .contains("HL*4*2*I~\nLIN*2*BP*SKU-DESK-07~")
                .contains("CTT*4*3.5~");
    }

    @Test
    void aNoticeThatBreaksTheSchemaIsNeverWritten() {
        assertThatThrownBy(() -> write(notice("A-PURCHASE-ORDER-FAR-TOO-LONG"), ShipNoticeRules.of(Map.of()),
                X12Version.V004010))
                .isInstanceOf(X12WriteException.class)
                .hasMessageContaining("PRF")
                .hasMessageContaining("DATA_ELEMENT_TOO_LONG");
    }

    @Test
    void rulesNameEveryKeyAtFault() {
        assertThatThrownBy(() -> ShipNoticeRules.of(Map.of("asn.levels", "S,I", "asn.shipment-refs", "CN,XX",
                "asn.ship-from.id", "0614141000005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mappings.asn.levels: 'S,I' is not S,O,P,I or S,O,I")
                .hasMessageContaining("mappings.asn.shipment-refs: 'XX' is not one of [2I, BM, CN]")
                .hasMessageContaining("mappings.asn.ship-from.qualifier and .id: give both or neither");
    }
}
