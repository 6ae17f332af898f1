package io.portage.edi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A carrier's 210 as Portage reads it: its invoice number and date, the carrier's SCAC, the total and each shipment's charge. */
public record FreightInvoice(
        String invoiceNumber,
        LocalDate invoiceDate,
        String scac,
        String currency,
        BigDecimal total,
        List<Line> lines) {

    /** The charge for one tracking (PRO) number. */
    public record Line(String trackingNumber, BigDecimal amount) {
    }
}
