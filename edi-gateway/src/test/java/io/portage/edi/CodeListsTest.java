package io.portage.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.X12Party;
import io.portage.edi.domain.X12Version;
import io.portage.edi.domain.x12.CodeLists;
import io.portage.edi.domain.x12.Envelope;
import io.portage.edi.domain.x12.FunctionalAck997;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.X12Reader;
import io.portage.edi.domain.x12.X12Writer;

/** Code values StAEDI lets through on read are refused after it, each with its element in the 997. */
class CodeListsTest {

    static ReceivedInterchange read(String x12) {
        return X12Reader.read(x12.getBytes(StandardCharsets.US_ASCII));
    }

    static String statusWith(String code) {
        return PartnerFiles.interchange("02", "FRLN", "004010", 21, "QM", "214", "B10*BOL-1*PRO-1*FRLN", "LX*1",
                "AT7*X6*NS***20261205*1430*LT", "LX*2", "AT7*" + code + "*NS***20261205*1645*LT");
    }

    static String ack(ReceivedInterchange.Group group) {
        return X12Writer.write(new Envelope(new X12Party("ZZ", "PORTAGE"), new X12Party("02", "FRLN"), "PORTAGE", "FRLN",
                X12Version.V004010, "T", 1, 1, Instant.parse("2026-12-05T10:00:00Z")),
                DocumentType.FUNCTIONAL_ACKNOWLEDGMENT, List.of(new X12Writer.TransactionSet("0001",
                        FunctionalAck997.of(group))));
    }

    @Test
    void anUnknown214StatusCodeRefusesTheSetWithAk4ForAt701() {
        ReceivedInterchange read = read(statusWith("Q9"));
        assertThat(read.groups().get(0).sets().get(0).accepted()).as("StAEDI alone lets Q9 through").isTrue();

        ReceivedInterchange checked = CodeLists.check(read, Map.of());

        ReceivedInterchange.TransactionSet set = checked.groups().get(0).sets().get(0);
        assertThat(set.accepted()).isFalse();
        assertThat(set.firstError()).isEqualTo("segment AT7 at position 6, element AT701: invalid code value ('Q9')");
        assertThat(ack(checked.groups().get(0))).contains("AK2*214*0001~")
                .contains("AK3*AT7*6**8~\nAK4*1*1650*7*Q9~")
                .contains("AK5*R*5~")
                .contains("AK9*R*1*1*0~");
    }

    @Test
    void aKnownCodeOrThePartnersOwnPasses() {
        assertThat(CodeLists.check(read(statusWith("D1")), Map.of()).groups().get(0).sets().get(0).accepted()).isTrue();
        assertThat(CodeLists.check(read(statusWith("Q9")), Map.of("214.AT701", Set.of("Q9")))
                .groups()
                .get(0)
                .sets()
                .get(0)
                .accepted()).isTrue();
    }

    @Test
    void the945And210CodesAreCheckedToo() {
        ReceivedInterchange advice = CodeLists.check(read(PartnerFiles.interchange("ZZ", "RTM3PL", "004010", 22, "SW",
                "945", "W06*F*S00042*20261125", "W27*M*UPSN", "LX*1", "W12*XX*2*2**EA**VN*CH-01", "W03*2")), Map.of());
        assertThat(advice.groups().get(0).sets().get(0).errors())
                .anySatisfy(error -> assertThat(error.describe()).contains("element W1201").contains("'XX'"));

        ReceivedInterchange invoice = CodeLists.check(read(PartnerFiles.interchange("02", "FRLN", "004010", 23, "IM",
                "210", "B3**INV-1**QQ**20261205*18250****FRLN")), Map.of());
        ReceivedInterchange.TransactionSet set = invoice.groups().get(0).sets().get(0);
        assertThat(set.accepted()).isFalse();
        assertThat(set.errors()).anySatisfy(error -> {
            assertThat(error.describe()).contains("element B304").contains("'QQ'");
            assertThat(error.elementReference()).isEqualTo("146");
        });
    }

    @Test
    void a944ConditionCodeMustBeOneThePartnerMaps() {
        String receipt = PartnerFiles.interchange("ZZ", "RTM3PL", "004010", 24, "RE", "944", "W17*F*20261205*RCV-1",
                "N9*PO*PO-1", "LX*1", "W07*4*EA**VN*CH-01", "W13*1*EA*07", "W14*4");

        ReceivedInterchange.TransactionSet set = CodeLists.check(read(receipt), Map.of("944.W1303.413", Set.of("01")))
                .groups()
                .get(0)
                .sets()
                .get(0);
        assertThat(set.firstError()).isEqualTo("segment W13 at position 6, element W1303: invalid code value ('07')");
    }
}
