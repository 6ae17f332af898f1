package io.portage.yard.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check of an inbound appointment's purchase orders: each must exist in Odoo, be confirmed, still have quantities
 * to receive, and be planned within {@code window} of the slot. Its answer is the list of reasons it failed (empty:
 * passed), each naming the order.
 */
public record PurchaseOrderCheck(Duration window, SiteRules.OnFailure onFailure) {

    /** The reasons the orders named fail, in the order named; {@code found} maps a name to Odoo's facts (absent: unknown). */
    public List<String> reasons(List<String> named, Map<String, PurchaseOrderFacts> found, Slot slot) {
        List<String> reasons = new ArrayList<>();
        for (String name : named) {
            PurchaseOrderFacts order = found.get(name);
            if (order == null) {
                reasons.add(name + " does not exist in Odoo");
            } else if (!order.confirmed()) {
                reasons.add(name + " is not confirmed (state " + order.state() + ")");
            } else if (order.fullyReceived()) {
                reasons.add(name + " has nothing left to receive");
            } else if (order.datePlanned() == null || order.datePlanned().isBefore(slot.start().minus(window))
                    || order.datePlanned().isAfter(slot.end().plus(window))) {
                reasons.add(name + " is planned for " + order.datePlanned() + ", not within " + window.toHours()
                        + " hours of the slot");
            }
        }
        return reasons;
    }
}
