package io.portage.odoo.connector.ops;

import java.util.List;

/** A sale order to create and confirm, keyed by its unique {@code client_order_ref}. */
public record OrderRequest(String clientOrderRef, long partnerId, List<OrderLine> lines) {
}
