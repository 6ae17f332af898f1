package io.portage.edi.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order sent to a 3PL in a 940, found again by the depositor order number its 945 answers with. */
@Entity
@Table(name = "edi_order")
public class SentOrder {

    @Id
    private String reference;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "depositor_order_number")
    private String depositorOrderNumber;
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "order_partner_id")
    private String orderPartnerId;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "last_sequence")
    private long lastSequence;
    @Column(name = "created_at")
    private Instant createdAt;

    protected SentOrder() {
    }

    public SentOrder(String partnerId, String depositorOrderNumber, String orderId, String orderPartnerId,
            String correlationId, Instant createdAt) {
        this.orderPartnerId = orderPartnerId;
        this.reference = reference(partnerId, depositorOrderNumber);
        this.partnerId = partnerId;
        this.depositorOrderNumber = depositorOrderNumber;
        this.orderId = orderId;
        this.correlationId = correlationId;
        this.createdAt = createdAt;
    }

    /** The key of a partner's depositor order number. */
    public static String reference(String partnerId, String depositorOrderNumber) {
        return partnerId + "/" + depositorOrderNumber;
    }

    /** The sequence of the next event about this order (1, 2, ... per order). */
    public long nextSequence() {
        return ++lastSequence;
    }

    /** The partner (tenant) the order belongs to. */
    public String orderPartnerId() {
        return orderPartnerId;
    }

    public String orderId() {
        return orderId;
    }

    public String correlationId() {
        return correlationId;
    }

    public String depositorOrderNumber() {
        return depositorOrderNumber;
    }
}
