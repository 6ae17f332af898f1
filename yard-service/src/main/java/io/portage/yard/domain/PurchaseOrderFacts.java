package io.portage.yard.domain;

import java.time.Instant;

/**
 * What Odoo says of a purchase order an appointment names: its state, whether it is confirmed, whether every line has
 * received what it ordered (by quantities, not Odoo's receipt_status), and its earliest planned date.
 */
public record PurchaseOrderFacts(String name, String state, boolean confirmed, boolean fullyReceived,
        Instant datePlanned) {
}
