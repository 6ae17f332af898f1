package io.portage.order.domain;

/** What a fulfilment fact reported by another service or Odoo did to an {@link Order}. */
public enum FulfilmentOutcome {
    /** It moved the order forward (or, for an invoice, marked it invoiced). */
    APPLIED,
    /** The order is there already (a repeated report, another tracking scan): nothing recorded. */
    SAME,
    /** The order is already further: recorded in the history, not applied. */
    LATE,
    /** The order is not released yet (or was rejected): recorded in the history, not applied. */
    NOT_RELEASED,
    /** It contradicts the order (goods moving after a cancellation, a cancellation after picking): a person looks. */
    CONFLICT
}
