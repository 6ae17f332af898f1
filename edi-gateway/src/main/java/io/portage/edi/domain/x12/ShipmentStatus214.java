package io.portage.edi.domain.x12;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.portage.contracts.shipment.CarrierStatusReported;

/**
 * Reads a validated X12 214 Transportation Carrier Shipment Status Message (B10, LX loops of AT7 and MS1) into one
 * CarrierStatusReported per AT7 that carries a status code. Times without a time code are taken as UTC.
 */
public final class ShipmentStatus214 {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private ShipmentStatus214() {
    }

    /** @throws MappingException when a value the schema allows is still unusable */
    public static List<CarrierStatusReported> read(ReceivedInterchange.TransactionSet set, String carrier) {
        ReceivedInterchange.Segment b10 = set.segments()
                .stream()
                .filter(s -> "B10".equals(s.tag()))
                .findFirst()
                .orElseThrow(() -> new MappingException("the 214 has no B10"));
        List<ReceivedInterchange.Segment> statuses = new ArrayList<>();
        List<CarrierStatusReported> reports = new ArrayList<>();
        for (ReceivedInterchange.Segment segment : set.segments()) {
            if ("AT7".equals(segment.tag()) && !segment.element(1).isEmpty()) {
                statuses.add(segment);
            } else if ("MS1".equals(segment.tag()) || "LX".equals(segment.tag()) || "SE".equals(segment.tag())) {
                boolean located = "MS1".equals(segment.tag());
                for (ReceivedInterchange.Segment status : statuses) {
                    reports.add(new CarrierStatusReported(b10.element(2), carrier, b10.element(3),
                            blankToNull(b10.element(1)), status.element(1), blankToNull(status.element(2)),
                            at(status),
                            located ? segment.element(1) : null,
                            located ? blankToNull(segment.element(2)) : null,
                            located ? blankToNull(segment.element(3)) : null));
                }
                statuses.clear();
            }
        }
        if (reports.isEmpty()) {
            throw new MappingException("the 214 has no AT7 with a status code");
        }
        return reports;
    }

    private static java.time.Instant at(ReceivedInterchange.Segment at7) {
        String time = at7.element(6);
        try {
            return LocalDateTime.parse(at7.element(5) + time.substring(0, 4), DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new MappingException(at7, "AT705/AT706 are not a date and time (CCYYMMDD, HHMM)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
