package io.portage.contracts.erp;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A transfer (receipt, pick, delivery) was validated in the ERP ({@code io.portage.erp.picking-done.v1} on
 * {@code portage.erp}, subject = {@code erpRef}, {@code stock.picking/<id>}).
 */
@RegisterForReflection
public record ErpPickingDone(
        String erpRef,
        String instance,
        long recordId,
        String name,
        String origin,
        String operationType,
        Long saleOrderId,
        String carrierTrackingRef,
        Instant doneAt,
        Instant changedAt) {
}
