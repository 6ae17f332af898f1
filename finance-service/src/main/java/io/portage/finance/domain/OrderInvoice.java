package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An order's customer invoices: waiting for its release (the sale order) and its first trigger, ready (a shipment's
 * invoice, {@link ShipmentInvoice}, to be made in Odoo), or invoiced (the sum of its shipments' invoices). It leaves
 * WAITING once; a later shipment of the order makes it READY again until that shipment's invoice is made.
 */
@Entity
@Table(name = "order_invoice")
public class OrderInvoice {

    /** Where it stands. */
    public enum Status {
        WAITING, READY, INVOICED
    }

    @Id
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "sale_order_id")
    private Long saleOrderId;
    @Column(name = "released_event_id")
    private String releasedEventId;
    @Column(name = "correlation_id")
    private String correlationId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "trigger_kind")
    private String triggerKind;
    @Column(name = "trigger_event_id")
    private String triggerEventId;
    @Column(name = "released_by")
    private String releasedBy;
    @Column(name = "invoice_ids")
    private String invoiceIds;
    private String error;
    @Column(name = "invoiced_at")
    private Instant invoicedAt;
    private BigDecimal revenue;
    @Column(name = "revenue_currency")
    private String revenueCurrency;
    @Version
    private long version;

    protected OrderInvoice() {
    }

    public OrderInvoice(String orderId) {
        this.orderId = orderId;
        this.status = Status.WAITING;
    }

    /** What order.released.v2 says: the customer and the Odoo sale order; the first release wins. */
    public void released(String partner, long saleOrder, String eventId, String correlation) {
        if (saleOrderId == null) {
            saleOrderId = saleOrder;
            releasedEventId = eventId;
            correlationId = correlation;
        }
        if (partnerId == null) {
            partnerId = partner;
        }
    }

    public void partner(String partner) {
        if (partnerId == null) {
            partnerId = partner;
        }
    }

    /** Ready to invoice, when waiting and released, by a shipment fact or a person; answers whether it moved. */
    public boolean trigger(String kind, String eventIdOrPerson, boolean byPerson) {
        if (status != Status.WAITING || saleOrderId == null) {
            return false;
        }
        status = Status.READY;
        triggerKind = kind;
        if (byPerson) {
            releasedBy = eventIdOrPerson;
        } else {
            triggerEventId = eventIdOrPerson;
        }
        return true;
    }

    /** Another shipment of an invoiced order has an invoice to make. */
    public void anotherShipment() {
        if (status == Status.INVOICED) {
            status = Status.READY;
        }
    }

    /**
     * A shipment's invoice made: its invoices (none when Odoo had nothing left) added to the order's, READY still when
     * another shipment's invoice is to be made ({@code more}).
     */
    public void invoiced(String ids, BigDecimal total, String currency, boolean more, Instant now) {
        if (ids != null && !ids.isEmpty()) {
            invoiceIds = invoiceIds == null || invoiceIds.isEmpty() ? ids : invoiceIds + "," + ids;
            revenue = revenue == null ? total : revenue.add(total);
            if (revenueCurrency == null) {
                revenueCurrency = currency;
            }
        }
        status = more ? Status.READY : Status.INVOICED;
        if (invoicedAt == null) {
            invoicedAt = now;
        }
        error = null;
    }

    public void failed(String reason) {
        error = reason;
    }

    public String orderId() {
        return orderId;
    }

    public String partnerId() {
        return partnerId;
    }

    public Long saleOrderId() {
        return saleOrderId;
    }

    public String releasedEventId() {
        return releasedEventId;
    }

    public String correlationId() {
        return correlationId;
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

    public String error() {
        return error;
    }

    public Instant invoicedAt() {
        return invoicedAt;
    }

    public BigDecimal revenue() {
        return revenue;
    }

    public String revenueCurrency() {
        return revenueCurrency;
    }
}
