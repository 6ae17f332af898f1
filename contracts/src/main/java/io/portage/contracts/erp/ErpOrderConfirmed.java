package io.portage.contracts.erp;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A sales order was confirmed in the ERP ({@code io.portage.erp.order-confirmed.v1} on {@code portage.erp}, subject =
 * {@code erpRef}, {@code sale.order/<id>}): seen by Portage's change capture, whoever confirmed it (Portage or a person in Odoo).
 */
@RegisterForReflection
public record ErpOrderConfirmed(
        String erpRef,
        String instance,
        long recordId,
        String name,
        String clientOrderRef,
        long customerId,
        String customerName,
        List<Long> pickingIds,
        Instant changedAt) {
}
