package io.portage.edi.domain.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.portage.edi.domain.ReceiptAdvice;

/**
 * Reads a validated X12 944 Warehouse Stock Transfer Receipt Advice (W17, N9 PO/SI, LX loops of W07 and W13) into a
 * {@link ReceiptAdvice}: the ship notice is W17-05, else N9 SI; the purchase order N9 PO.
 */
public final class ReceiptAdvice944 {

    private ReceiptAdvice944() {
    }

    /** @throws MappingException when a value the schema allows is still unusable */
    public static ReceiptAdvice read(ReceivedInterchange.TransactionSet set) {
        ReceivedInterchange.Segment w17 = null;
        String purchaseOrder = null;
        String shipNotice = null;
        List<ReceiptAdvice.Item> items = new ArrayList<>();
        ReceivedInterchange.Segment w07 = null;
        List<ReceiptAdvice.Exception> exceptions = new ArrayList<>();
        for (ReceivedInterchange.Segment segment : set.segments()) {
            switch (segment.tag()) {
                case "W17" -> w17 = segment;
                case "N9" -> {
                    if ("PO".equals(segment.element(1)) && purchaseOrder == null) {
                        purchaseOrder = segment.element(2);
                    } else if ("SI".equals(segment.element(1)) && shipNotice == null) {
                        shipNotice = segment.element(2);
                    }
                }
                case "W07", "W14", "SE" -> {
                    add(items, w07, exceptions);
                    w07 = "W07".equals(segment.tag()) ? segment : null;
                    exceptions = new ArrayList<>();
                }
                case "W13" -> exceptions.add(new ReceiptAdvice.Exception(new BigDecimal(segment.element(1)),
                        segment.element(2), segment.element(3), segment.position()));
                default -> {
                    // names, dates and line numbers carry nothing Portage keeps
                }
            }
        }
        if (w17 == null) {
            throw new MappingException("the 944 has no W17");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(w17.element(2), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new MappingException(w17, "W1702 is not a date (CCYYMMDD)");
        }
        String asn = blankToNull(w17.element(5));
        return new ReceiptAdvice(w17.element(3), date, blankToNull(w17.element(4)), purchaseOrder,
                asn != null ? asn : shipNotice, items);
    }

    private static void add(List<ReceiptAdvice.Item> items, ReceivedInterchange.Segment w07,
            List<ReceiptAdvice.Exception> exceptions) {
        if (w07 != null) {
            items.add(new ReceiptAdvice.Item(w07.element(5), new BigDecimal(w07.element(1)), w07.element(2),
                    List.copyOf(exceptions)));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
