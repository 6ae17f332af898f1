package io.portage.finance.service;

import java.time.LocalDate;
import java.util.List;

import io.portage.finance.domain.InvoiceLine;

/** A carrier's invoice as it arrives (a file's rows, a partner's call, an EDI 210 event), before the audit. */
public record ReceivedInvoice(String carrier, String invoiceNumber, LocalDate invoiceDate, String currency,
        List<InvoiceLine> lines) {

    public ReceivedInvoice {
        lines = List.copyOf(lines);
    }
}
