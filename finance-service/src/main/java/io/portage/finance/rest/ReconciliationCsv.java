package io.portage.finance.rest;

import java.math.BigDecimal;

import io.portage.finance.service.ReconciliationReport;

/** A reconciliation report's totals as CSV: one row per carrier, currency, outcome and dispute class. */
final class ReconciliationCsv {

    static final String HEADER = "batch_id,carrier,currency,outcome,dispute_class,lines,billed,expected";

    private ReconciliationCsv() {
    }

    static String of(ReconciliationReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ReconciliationReport.Total total : report.totals()) {
            csv.append(report.batchId())
                    .append(',')
                    .append(cell(total.carrier()))
                    .append(',')
                    .append(total.currency())
                    .append(',')
                    .append(total.outcome())
                    .append(',')
                    .append(total.disputeClass() == null ? "" : total.disputeClass())
                    .append(',')
                    .append(total.lines())
                    .append(',')
                    .append(plain(total.billed()))
                    .append(',')
                    .append(total.expected() == null ? "" : plain(total.expected()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** Carrier names are letters, digits and a few signs (the intake refuses others); quoted should one hold a comma. */
    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
