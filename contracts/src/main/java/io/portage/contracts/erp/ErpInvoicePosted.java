package io.portage.contracts.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An invoice, vendor bill or credit note was posted in the ERP ({@code io.portage.erp.invoice-posted.v1} on
 * {@code portage.erp}, subject = {@code erpRef}, {@code account.move/<id>}). Journal entries ({@code move_type} {@code entry}) are not
 * announced; {@code moveType} is Odoo's ({@code out_invoice}, {@code out_refund}, {@code in_invoice},
 * {@code in_refund}, {@code out_receipt}, {@code in_receipt}). The total is in the move's currency, which the ERP keeps.
 */
@RegisterForReflection
public record ErpInvoicePosted(
        String erpRef,
        String instance,
        long recordId,
        String name,
        String moveType,
        String ref,
        String invoiceOrigin,
        Long partnerId,
        String partnerName,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountTotal,
        LocalDate invoiceDate,
        Instant changedAt) {
}
