package io.portage.shipment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a shipment lives in Odoo: its sale order (id and name, from the release or found by {@code client_order_ref})
 * and the delivery picking it ships (the order's first delivery, or the backorder the shipment before it left).
 */
@Embeddable
public class OdooDelivery {

    @Column(name = "client_order_ref")
    private String clientOrderRef;
    @Column(name = "odoo_order_id")
    private Long orderId;
    @Column(name = "odoo_order_name")
    private String orderName;
    @Column(name = "odoo_picking_id")
    private Long pickingId;
    @Column(name = "odoo_picking_name")
    private String pickingName;

    protected OdooDelivery() {
    }

    OdooDelivery(String clientOrderRef, Long orderId, String orderName) {
        this.clientOrderRef = clientOrderRef;
        this.orderId = orderId;
        this.orderName = orderName;
    }

    OdooDelivery copy() {
        return new OdooDelivery(clientOrderRef, orderId, orderName);
    }

    /** The sale order found in Odoo (by its client reference). */
    public void order(long id, String name) {
        orderId = id;
        orderName = name;
    }

    /** The delivery picking the shipment ships, resolved once and then kept. */
    public void picking(long id, String name) {
        pickingId = id;
        pickingName = name;
    }

    public String clientOrderRef() {
        return clientOrderRef;
    }

    public Long orderId() {
        return orderId;
    }

    public String orderName() {
        return orderName;
    }

    public Long pickingId() {
        return pickingId;
    }

    public String pickingName() {
        return pickingName;
    }
}
