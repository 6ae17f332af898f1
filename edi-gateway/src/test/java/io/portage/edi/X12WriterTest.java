package io.portage.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.ShippingOrder;
import io.portage.edi.domain.X12Party;
import io.portage.edi.domain.X12Version;
import io.portage.edi.domain.x12.Envelope;
import io.portage.edi.domain.x12.ShippingOrder940;
import io.portage.edi.domain.x12.X12WriteException;
import io.portage.edi.domain.x12.X12Writer;

class X12WriterTest {

    static final Instant AT = Instant.parse("2026-12-05T10:15:00Z");

    static ShippingOrder order(String depositorOrderNumber, String productId) {
        return new ShippingOrder("0b9f6a4e-1111-4c3b-9d7a-5d0c2f4b7e01", depositorOrderNumber, "NW-4711", "RTM01",
                new ShippingOrder.ShipTo("Ada Lovelace", "12 Dock Road", "Rotterdam", "3011 AA", "NL"),
                LocalDate.of(2026, 11, 24),
                List.of(new ShippingOrder.Line(1, "SKU-CHAIR-01", "VN", productId, new BigDecimal("2.000"), "EA"),
                        new ShippingOrder.Line(2, "SKU-DESK-07", "VN", "DESK7", new BigDecimal("1.5"), "EA")));
    }

    static Envelope envelope(X12Version version) {
        return new Envelope(new X12Party("ZZ", "PORTAGE"), new X12Party("01", "123456789"), "PORTAGE", "RTM3PL",
                version, "T", 42, 7, AT);
    }

    @Test
    void writesAValid940InItsEnvelope() {
        String x12 = X12Writer.write(envelope(X12Version.V004010), DocumentType.WAREHOUSE_SHIPPING_ORDER,
                List.of(new X12Writer.TransactionSet("0001", ShippingOrder940.of(order("S00042", "CHAIR1")))));

        assertThat(x12).startsWith(
                "ISA*00*          *00*          *ZZ*PORTAGE        *01*123456789      *261205*1015*U*00401*000000042*0*T*>~")
                .contains("GS*OW*PORTAGE*RTM3PL*20261205*1015*7*X*004010~")
                .contains("ST*940*0001~")
                .contains("W05*N*S00042*NW-4711~")
                .contains("N4*Rotterdam**3011 AA*NL~")
                .contains("G62*10*20261124~")
                .contains("W01*2*EA**VN*CHAIR1~")
                .contains("W01*1.5*EA**VN*DESK7~")
                .contains("W76*3.5~")
                .contains("SE*13*0001~")
                .contains("GE*1*7~")
                .endsWith("IEA*1*000000042~\n");
    }

    @Test
    void writes005010WithItsRepetitionSeparator() {
        String x12 = X12Writer.write(envelope(X12Version.V005010), DocumentType.WAREHOUSE_SHIPPING_ORDER,
                List.of(new X12Writer.TransactionSet("0001", ShippingOrder940.of(order("S00042", "CHAIR1")))));

        assertThat(x12).contains("*^*00501*000000042*").contains("*X*005010~");
    }

    @Test
    void refusesADocumentThatBreaksTheSchema() {
        assertThatThrownBy(() -> X12Writer.write(envelope(X12Version.V004010), DocumentType.WAREHOUSE_SHIPPING_ORDER,
                List.of(new X12Writer.TransactionSet("0001",
                        ShippingOrder940.of(order("AN-ORDER-NUMBER-FAR-TOO-LONG-FOR-W05", "CHAIR1"))))))
                .isInstanceOf(X12WriteException.class)
                .hasMessageContaining("W05")
                .hasMessageContaining("DATA_ELEMENT_TOO_LONG");
    }
}
