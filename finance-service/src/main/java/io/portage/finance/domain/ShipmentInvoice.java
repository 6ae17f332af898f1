package io.portage.finance.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The invoice one shipment of an order triggered (or a person's release of the order, shipment {@link #MANUAL}): ready
 * to be made in Odoo from what the sale order then has delivered and not invoiced, or invoiced; forward only, once per
 * shipment.
 */
@Entity
@Table(name = "shipment_invoice")
@IdClass(ShipmentInvoice.Key.class)
public class ShipmentInvoice {

    /** The shipment id of a person's release of the whole order. */
    public static final String MANUAL = "MANUAL";

    /** Where it stands. */
    public enum Status {
        READY, INVOICED
    }

    /** The key: one invoice per order and shipment. */
    public static class Key implements Serializable {

        String orderId;
        String shipmentId;

        public Key() {
        }

        public Key(String orderId, String shipmentId) {
            this.orderId = orderId;
            this.shipmentId = shipmentId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(orderId, key.orderId)
                    && Objects.equals(shipmentId, key.shipmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, shipmentId);
        }
    }

    @Id
    @Column(name = "order_id")
    private String orderId;
    @Id
    @Column(name = "shipment_id")
    private String shipmentId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "trigger_kind")
    private String triggerKind;
    @Column(name = "trigger_event_id")
    private String triggerEventId;
    @Column(name = "released_by")
    private String releasedBy;
    @Column(name = "readied_at")
    private Instant readiedAt;
    @Column(name = "invoice_ids")
    private String invoiceIds;
    private BigDecimal revenue;
    @Column(name = "revenue_currency")
    private String revenueCurrency;
    @Column(name = "invoiced_at")
    private Instant invoicedAt;
    private String error;
    @Version
    private long version;

    protected ShipmentInvoice() {
    }

    /** Triggered by a shipment's event ({@code byPerson} false) or a person's release of the order. */
    public ShipmentInvoice(String orderId, String shipmentId, String triggerKind, String eventIdOrPerson, boolean byPerson,
            Instant now) {
        this.orderId = orderId;
        this.shipmentId = shipmentId;
        this.status = Status.READY;
        this.triggerKind = triggerKind;
        if (byPerson) {
            releasedBy = eventIdOrPerson;
        } else {
            triggerEventId = eventIdOrPerson;
        }
        this.readiedAt = now;
    }

    /** Made: the invoices it posted (none when Odoo had nothing left to invoice), their total and currency. */
    public void invoiced(String ids, BigDecimal total, String currency, Instant now) {
        status = Status.INVOICED;
        invoiceIds = ids;
        revenue = total;
        revenueCurrency = currency;
        invoicedAt = now;
        error = null;
    }

    public void failed(String reason) {
        error = reason;
    }

    public String orderId() {
        return orderId;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public Status status() {
        return status;
    }

    public String triggerKind() {
        return triggerKind;
    }

    public String triggerEventId() {
        return triggerEventId;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public String invoiceIds() {
        return invoiceIds;
    }

    public BigDecimal revenue() {
        return revenue;
    }

    public String revenueCurrency() {
        return revenueCurrency;
    }

    public Instant invoicedAt() {
        return invoicedAt;
    }

    public String error() {
        return error;
    }
}
