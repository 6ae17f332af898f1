package io.portage.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.warehouse.YardScanRecorded;
import io.portage.contracts.warehouse.YardScanRecorded.Movement;
import io.portage.gateway.edge.EdgeEventMapper.Mapped;
import io.portage.gateway.edge.EdgeEventMapper.Outcome;
import io.portage.gateway.edge.EdgeEventMapper.Refused;

/** The gate, yard and dock scans of the edge as canonical yard scans, and what is refused. */
class EdgeEventMapperTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Outcome map(String type, String key, Map<String, Object> payload) {
        JsonNode event = JSON.valueToTree(Map.of("type", type, "key", key, "occurredAt", "2030-11-29T08:55:00Z",
                "payload", payload));
        return EdgeEventMapper.map("WH1", event);
    }

    static YardScanRecorded scan(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Mapped.class);
        Mapped mapped = (Mapped) outcome;
        assertThat(mapped.event().type()).isEqualTo(EventCatalog.YARD_SCAN_RECORDED_V1);
        assertThat(mapped.event().subject()).isEqualTo(((YardScanRecorded) mapped.event().data()).visitId());
        return (YardScanRecorded) mapped.event().data();
    }

    static String refusal(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).reason();
    }

    @Test
    void aGateInWithAnAppointmentOrAConfirmationNumberOrNone() {
        YardScanRecorded in = scan(map("scan.gate.in", "V-0042", Map.of("trailerNumber", "SWFU 123456-7",
                "appointmentRef", "PO-88121", "carrier", "Swift Freight", "driver", "J. Smit", "sealNumber", "SEAL-1")));
        assertThat(in).isEqualTo(new YardScanRecorded("V-0042", "WH1", Movement.GATE_IN, "PO-88121", "Swift Freight",
                "J. Smit", "SWFU 123456-7", "SEAL-1", null, null, null, Instant.parse("2030-11-29T08:55:00Z")));
        assertThat(scan(map("scan.gate.in", "V-0043", Map.of("trailerNumber", "T-1", "confirmationNumber", "C-77")))
                .appointmentRef()).isEqualTo("C-77");
        // No appointment: an unplanned visit, not an error.
        assertThat(scan(map("scan.gate.in", "V-0044", Map.of("trailerNumber", "T-2"))).appointmentRef()).isNull();
        assertThat(refusal(map("scan.gate.in", "V-0045", Map.of("carrier", "Swift Freight"))))
                .isEqualTo("payload.trailerNumber is required");
        assertThat(refusal(map("scan.gate.in", "V-0045", Map.of("trailerNumber", "T", "appointmentRef", "A",
                "confirmationNumber", "B"))))
                .isEqualTo("payload.confirmationNumber must not differ from payload.appointmentRef");
    }

    @Test
    void eachYardAndDockScanRecordsItsMovement() {
        assertThat(scan(map("scan.yard.spot", "V-1", Map.of("yardSpot", "Y-12"))).yardSpot()).isEqualTo("Y-12");
        assertThat(scan(map("scan.dock.door-assigned", "V-1", Map.of("door", "D04"))).door()).isEqualTo("D04");
        assertThat(scan(map("scan.dock.unloading-started", "V-1", Map.of())).movement()).isEqualTo(Movement.UNLOADING_STARTED);
        assertThat(scan(map("scan.dock.unloading-completed", "V-1", Map.of("door", "D04"))).movement())
                .isEqualTo(Movement.UNLOADING_COMPLETED);
        assertThat(scan(map("scan.dock.loading-started", "V-1", Map.of())).movement()).isEqualTo(Movement.LOADING_STARTED);
        assertThat(scan(map("scan.dock.loading-completed", "V-1", Map.of())).movement()).isEqualTo(Movement.LOADING_COMPLETED);
        assertThat(scan(map("scan.yard.swap", "V-1", Map.of("swappedTrailerNumber", "T-9"))).swappedTrailerNumber())
                .isEqualTo("T-9");
        assertThat(scan(map("scan.gate.out", "V-1", Map.of("sealNumber", "SEAL-2"))).movement()).isEqualTo(Movement.GATE_OUT);
    }

    @Test
    void incompleteScansAreRefusedByPath() {
        assertThat(refusal(map("scan.yard.spot", "V-1", Map.of()))).isEqualTo("payload.yardSpot is required");
        assertThat(refusal(map("scan.dock.door-assigned", "V-1", Map.of("door", "door 4"))))
                .isEqualTo("payload.door must be an upper-case door code");
        assertThat(refusal(map("scan.dock.door-assigned", "V-1", Map.of("door", 4))))
                .isEqualTo("payload.door must be a non-blank string");
        assertThat(refusal(map("scan.yard.swap", "V-1", Map.of()))).isEqualTo("payload.swappedTrailerNumber is required");
        assertThat(refusal(map("scan.gate.out", "V".repeat(65), Map.of())))
                .isEqualTo("key must be a visit id of at most 64 characters");
        assertThat(refusal(map("scan.forklift.moved", "V-1", Map.of()))).contains("is not taken by the gateway")
                .contains("scan.gate.in");
    }
}
