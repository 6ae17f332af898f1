package io.portage.edi.domain.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.portage.edi.domain.ShippingAdvice;

/** Reads a validated X12 945 Warehouse Shipping Advice (W06, N9, W27, LX/W12) into a {@link ShippingAdvice}. */
public final class ShippingAdvice945 {

    private ShippingAdvice945() {
    }

    /** @throws MappingException when a value the schema allows is still unusable */
    public static ShippingAdvice read(ReceivedInterchange.TransactionSet set) {
        String order = null;
        String reference = null;
        LocalDate shipped = null;
        String carrier = null;
        String tracking = null;
        List<ShippingAdvice.Line> lines = new ArrayList<>();
        int lineNumber = 0;
        for (ReceivedInterchange.Segment segment : set.segments()) {
            switch (segment.tag()) {
                case "W06" -> {
                    order = segment.element(2);
                    shipped = date(segment, 3);
                    reference = blankToNull(segment.element(4));
                }
                case "N9" -> {
                    if (tracking == null && List.of("BM", "CN", "2I").contains(segment.element(1))) {
                        tracking = segment.element(2);
                    }
                }
                case "G62" -> {
                    if ("11".equals(segment.element(1))) {
                        shipped = date(segment, 2);
                    }
                }
                case "W27" -> carrier = segment.element(2);
                case "LX" -> lineNumber = Integer.parseInt(segment.element(1));
                case "W12" -> lines.add(new ShippingAdvice.Line(lineNumber == 0 ? lines.size() + 1 : lineNumber,
                        segment.element(8), quantity(segment, 2), quantity(segment, 3)));
                default -> {
                    // envelope and name segments carry nothing Portage keeps
                }
            }
        }
        return new ShippingAdvice(order, reference, shipped, carrier, tracking, lines);
    }

    private static LocalDate date(ReceivedInterchange.Segment segment, int element) {
        try {
            return LocalDate.parse(segment.element(element), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new MappingException(segment, "element " + element + " is not a date (CCYYMMDD)");
        }
    }

    private static BigDecimal quantity(ReceivedInterchange.Segment segment, int element) {
        String value = segment.element(element);
        return value.isEmpty() ? null : new BigDecimal(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
