package io.portage.edi.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An order of a customer who wants 856 ship notices, kept from its release for the notice to list: the customer's
 * purchase order number, Portage's order name, the ship-to and the lines (JSON as released).
 */
@Entity
@Table(name = "edi_customer_order")
public class CustomerOrder {

    @Id
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "purchase_order")
    private String purchaseOrder;
    @Column(name = "order_name")
    private String orderName;
    @Column(name = "ship_to")
    private String shipTo;
    private String lines;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CustomerOrder() {
    }

    public CustomerOrder(String orderId, String partnerId, String purchaseOrder, String orderName, String shipTo,
            String lines, String correlationId, Instant createdAt) {
        this.orderId = orderId;
        this.partnerId = partnerId;
        this.purchaseOrder = purchaseOrder;
        this.orderName = orderName;
        this.shipTo = shipTo;
        this.lines = lines;
        this.correlationId = correlationId;
        this.createdAt = createdAt;
    }

    public String orderId() {
        return orderId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String purchaseOrder() {
        return purchaseOrder;
    }

    public String orderName() {
        return orderName;
    }

    /** The ship-to as released (OrderReceived.Customer, JSON). */
    public String shipTo() {
        return shipTo;
    }

    /** The lines as released (OrderReleasedV2.Line[], JSON). */
    public String lines() {
        return lines;
    }

    public String correlationId() {
        return correlationId;
    }
}
