package io.portage.finance.domain;

/** When a customer's invoice is released: when its shipment is dispatched, when its delivery is proven, or by a person. */
public enum InvoicePolicy {

    AT_DISPATCH, AT_POD, MANUAL;

    /** Whether a shipment fact of this kind releases the invoice under this policy. */
    public boolean releasedBy(ShipmentFact.Kind kind) {
        return this == AT_DISPATCH && (kind == ShipmentFact.Kind.DISPATCHED || kind == ShipmentFact.Kind.DELIVERED)
                || this == AT_POD && kind == ShipmentFact.Kind.DELIVERED;
    }
}
