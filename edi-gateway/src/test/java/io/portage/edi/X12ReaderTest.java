package io.portage.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.X12Party;
import io.portage.edi.domain.X12Version;
import io.portage.edi.domain.x12.Envelope;
import io.portage.edi.domain.x12.FunctionalAck997;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.ShippingAdvice945;
import io.portage.edi.domain.x12.X12ReadException;
import io.portage.edi.domain.x12.X12Reader;
import io.portage.edi.domain.x12.X12Writer;

/** StAEDI's reader events become segments and 997 codes; the 997 built from them is itself valid X12. */
class X12ReaderTest {

    static ReceivedInterchange read(String x12) {
        return X12Reader.read(x12.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsAValid945() {
        ReceivedInterchange interchange = read(
                PartnerFiles.shippingAdvice("ZZ", "RTM3PL", "004010", 12, "S00042", "CH-01", "DESK7"));

        assertThat(interchange.sender()).isEqualTo(new X12Party("ZZ", "RTM3PL"));
        assertThat(interchange.controlNumber()).isEqualTo("000000012");
        ReceivedInterchange.TransactionSet set = interchange.groups().get(0).sets().get(0);
        assertThat(set.accepted()).as(String.valueOf(set.firstError())).isTrue();
        var advice = ShippingAdvice945.read(set);
        assertThat(advice.depositorOrderNumber()).isEqualTo("S00042");
        assertThat(advice.carrier()).isEqualTo("UPSN");
        assertThat(advice.lines()).hasSize(2);
        assertThat(advice.lines().get(1).productId()).isEqualTo("DESK7");
    }

    @Test
    void placesEachErrorWhereA997NeedsIt() {
        ReceivedInterchange interchange = read(PartnerFiles.interchange("ZZ", "RTM3PL", "004010", 13, "SW", "945",
                "W06*F*S00042*2026-11-25", "W27*M*UPSN", "LX*1", "W12*CC*2*2**EA", "W03*2"));

        ReceivedInterchange.TransactionSet set = interchange.groups().get(0).sets().get(0);
        assertThat(set.accepted()).isFalse();
        assertThat(set.errors()).extracting(ReceivedInterchange.SegmentError::segmentTag,
                ReceivedInterchange.SegmentError::segmentPosition, ReceivedInterchange.SegmentError::elementPosition,
                ReceivedInterchange.SegmentError::elementCode)
                .contains(org.assertj.core.groups.Tuple.tuple("W06", 2, 3, "5"),
                        org.assertj.core.groups.Tuple.tuple("W12", 5, 7, "1"));
        assertThat(set.firstError()).startsWith("segment W06 at position 2, element W0603");

        String ack = X12Writer.write(new Envelope(new X12Party("ZZ", "PORTAGE"), interchange.sender(), "PORTAGE", "RTM3PL",
                X12Version.V004010, "T", 1, 1, java.time.Instant.parse("2026-12-05T10:00:00Z")),
                DocumentType.FUNCTIONAL_ACKNOWLEDGMENT,
                List.of(new X12Writer.TransactionSet("0001", FunctionalAck997.of(interchange.groups().get(0)))));
        assertThat(ack).contains("AK1*SW*13~")
                .contains("AK2*945*0001~")
                .contains("AK3*W06*2**8~")
                .contains("AK4*3**5*2026-11-25~")
                .contains("AK3*W12*5**8~")
                .contains("AK4*7**1~")
                .contains("AK5*R*5~")
                .contains("AK9*R*1*1*0~");
        assertThat(read(ack).groups().get(0).sets().get(0).accepted()).isTrue();
    }

    @Test
    void aWrongSegmentCountIsASetError() {
        String x12 = PartnerFiles.shippingAdvice("ZZ", "RTM3PL", "004010", 14, "S00042", "CH-01", "DESK7")
                .replaceAll("SE\\*[0-9]+\\*0001", "SE*99*0001");

        ReceivedInterchange.TransactionSet set = read(x12).groups().get(0).sets().get(0);
        assertThat(set.errorCodes()).containsExactly("4");
    }

    @Test
    void aFileThatIsNotX12IsRefusedWhole() {
        assertThatThrownBy(() -> read("hello, this is not EDI")).isInstanceOf(X12ReadException.class);
    }

    @Test
    void readsEverySetOfALargeFile() {
        StringBuilder x12 = new StringBuilder(
                "ISA*00*          *00*          *ZZ*RTM3PL         *ZZ*PORTAGE        *261205*1000*U*00401*000000015*0*T*>~\n"
                        + "GS*SW*RTM3PL*PORTAGE*20261205*1000*15*X*004010~\n");
        for (int i = 1; i <= 1000; i++) {
            x12.append("ST*945*")
                    .append(String.format("%04d", i))
                    .append("~\nW06*F*S")
                    .append(i)
                    .append("*20261125~\nW27*M*UPSN~\nLX*1~\nW12*CC*2*2**EA**VN*CH-01~\nW03*2~\nSE*7*")
                    .append(String.format("%04d", i))
                    .append("~\n");
        }
        x12.append("GE*1000*15~\nIEA*1*000000015~\n");

        ReceivedInterchange.Group group = read(x12.toString()).groups().get(0);
        assertThat(group.sets()).hasSize(1000).allSatisfy(set -> assertThat(set.accepted()).as(set.controlNumber()).isTrue());
        assertThat(group.errorCodes()).isEmpty();
    }
}
