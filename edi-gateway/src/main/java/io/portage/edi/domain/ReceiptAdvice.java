package io.portage.edi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 3PL's 944 as Portage reads it: its receipt number, when, what it answers (depositor order, purchase order, ship
 * notice) and per item the quantity received and each exception's quantity and receiving condition code.
 */
public record ReceiptAdvice(
        String warehouseReceiptNumber,
        LocalDate receivedOn,
        String depositorOrderNumber,
        String purchaseOrderNumber,
        String shipNoticeNumber,
        List<Item> items) {

    /** One item received: the partner's product code, the quantity received and the exceptions to it. */
    public record Item(String productId, BigDecimal quantity, String unit, List<Exception> exceptions) {
    }

    /** A quantity in a condition (W13-03, the partner's receiving condition code). */
    public record Exception(BigDecimal quantity, String unit, String conditionCode, int segmentPosition) {
    }

    /** Whether the advice names anything the receiving side can match it to. */
    public boolean referencesSomething() {
        return depositorOrderNumber != null || purchaseOrderNumber != null || shipNoticeNumber != null;
    }
}
