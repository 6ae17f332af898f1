package io.portage.yard.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.error.OdooException;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.connector.ops.PurchaseOrder;
import io.portage.yard.domain.PurchaseOrderFacts;
import io.smallrye.mutiny.Uni;

/**
 * Reads the purchase orders ({@code purchase.order} by name) an inbound appointment names, through the connector
 * (timeouts, retries, circuit breaker); read only.
 */
@ApplicationScoped
public class PurchaseOrderClient {

    private final OdooOperations odoo;

    public PurchaseOrderClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** Odoo's facts of each order named that exists; {@link PurchaseOrdersUnavailableException} when Odoo cannot answer. */
    public Uni<Map<String, PurchaseOrderFacts>> find(List<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<PurchaseOrder>> reads = names.stream().map(name -> odoo.purchases().findByName(name)).toList();
        return CallerContext.emitOnCaller(Uni.join().all(reads).andFailFast().map(orders -> {
            Map<String, PurchaseOrderFacts> found = new HashMap<>();
            for (PurchaseOrder order : orders) {
                if (order != null) {
                    found.put(order.name(), new PurchaseOrderFacts(order.name(), order.state(), order.confirmed(),
                            order.fullyReceived(), order.datePlanned()));
                }
            }
            return found;
        }).onFailure(OdooException.class).transform(PurchaseOrdersUnavailableException::new));
    }
}
