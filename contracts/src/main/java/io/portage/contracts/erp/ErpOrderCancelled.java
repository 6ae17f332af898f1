package io.portage.contracts.erp;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A sales order was cancelled in the ERP ({@code io.portage.erp.order-cancelled.v1} on {@code portage.erp}, subject =
 * {@code erpRef}, {@code sale.order/<id>}).
 */
@RegisterForReflection
public record ErpOrderCancelled(
        String erpRef,
        String instance,
        long recordId,
        String name,
        String clientOrderRef,
        Instant changedAt) {
}
