package io.portage.edi.domain.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.portage.edi.domain.FreightInvoice;

/**
 * Reads a validated X12 210 Motor Carrier Freight Details and Invoice (B3, C3, LX loops of L11 and L1) into a
 * {@link FreightInvoice}: one line per LX loop (its L11 tracking number, its L1 charges), or, without LX loops, one
 * line for the B3 shipment id with the invoice's total. Amounts are N2 (implied cents).
 */
public final class FreightInvoice210 {

    private static final List<String> TRACKING_QUALIFIERS = List.of("CN", "BM", "2I", "PRO");

    private FreightInvoice210() {
    }

    /** @throws MappingException when a value the schema allows is still unusable */
    public static FreightInvoice read(ReceivedInterchange.TransactionSet set, String defaultCurrency) {
        ReceivedInterchange.Segment b3 = null;
        String currency = defaultCurrency;
        List<FreightInvoice.Line> lines = new ArrayList<>();
        String tracking = null;
        BigDecimal charges = null;
        ReceivedInterchange.Segment loop = null;
        for (ReceivedInterchange.Segment segment : set.segments()) {
            switch (segment.tag()) {
                case "B3" -> b3 = segment;
                case "C3" -> currency = segment.element(1);
                case "LX" -> {
                    addLine(lines, loop, tracking, charges);
                    loop = segment;
                    tracking = null;
                    charges = BigDecimal.ZERO;
                }
                case "L11" -> {
                    if (loop != null && tracking == null && TRACKING_QUALIFIERS.contains(segment.element(2))) {
                        tracking = segment.element(1);
                    }
                }
                case "L1" -> {
                    if (loop != null) {
                        charges = charges.add(cents(segment, 4));
                    }
                }
                default -> {
                    // references, dates and totals carry nothing Portage keeps
                }
            }
        }
        addLine(lines, loop, tracking, charges);
        if (b3 == null) {
            throw new MappingException("the 210 has no B3");
        }
        BigDecimal total = cents(b3, 7);
        if (lines.isEmpty()) {
            if (b3.element(3).isEmpty()) {
                throw new MappingException(b3,
                        "B303 (the shipment's tracking number) is needed when no LX loop itemizes the invoice");
            }
            lines.add(new FreightInvoice.Line(b3.element(3), total));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(b3.element(6), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new MappingException(b3, "B306 is not a date (CCYYMMDD)");
        }
        return new FreightInvoice(b3.element(2), date, b3.element(11), currency, total, lines);
    }

    private static void addLine(List<FreightInvoice.Line> lines, ReceivedInterchange.Segment loop, String tracking,
            BigDecimal charges) {
        if (loop == null) {
            return;
        }
        if (tracking == null) {
            throw new MappingException(loop, "the LX loop has no L11 tracking number (qualifier CN, BM, 2I or PRO)");
        }
        lines.add(new FreightInvoice.Line(tracking, charges));
    }

    private static BigDecimal cents(ReceivedInterchange.Segment segment, int element) {
        String value = segment.element(element);
        if (value.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return new BigDecimal(value).movePointLeft(2).setScale(2);
    }
}
