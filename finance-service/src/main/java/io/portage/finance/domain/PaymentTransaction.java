package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One balance transaction of a payment provider's export (a charge, refund, payout, fee...), kept once by its id: a
 * charge or refund matched to its order and the order's Odoo invoices, its fee counted in the order's margin.
 */
@Entity
@Table(name = "payment_transaction")
public class PaymentTransaction {

    /** Whether the transaction belongs to an order: matched, not found (raised for finance), or not an order's at all. */
    public enum Status {
        MATCHED, UNMATCHED, NOT_ORDER
    }

    @Id
    private String id;
    @Column(name = "import_id")
    private UUID importId;
    @Column(name = "row_number")
    private int rowNumber;
    private String type;
    private String source;
    private BigDecimal amount;
    private BigDecimal fee;
    private BigDecimal net;
    private String currency;
    private Instant created;
    @Column(name = "available_on")
    private Instant availableOn;
    @Column(name = "reporting_category")
    private String reportingCategory;
    private String payout;
    @Column(name = "order_id")
    private String orderId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "odoo_invoice_ids")
    private String odooInvoiceIds;
    private String reason;

    protected PaymentTransaction() {
    }

    public PaymentTransaction(UUID importId, PayoutLine line, Status status, String odooInvoiceIds, String reason) {
        this.id = line.id();
        this.importId = importId;
        this.rowNumber = line.row();
        this.type = line.type();
        this.source = line.source();
        this.amount = line.amount();
        this.fee = line.fee();
        this.net = line.net();
        this.currency = line.currency();
        this.created = line.created();
        this.availableOn = line.availableOn();
        this.reportingCategory = line.reportingCategory();
        this.payout = line.payout();
        this.orderId = line.orderId();
        this.status = status;
        this.odooInvoiceIds = odooInvoiceIds;
        this.reason = reason;
    }

    public String id() {
        return id;
    }

    public UUID importId() {
        return importId;
    }

    public int rowNumber() {
        return rowNumber;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal fee() {
        return fee;
    }

    public BigDecimal net() {
        return net;
    }

    public String currency() {
        return currency;
    }

    public Instant created() {
        return created;
    }

    public String payout() {
        return payout;
    }

    public String orderId() {
        return orderId;
    }

    public Status status() {
        return status;
    }

    public String odooInvoiceIds() {
        return odooInvoiceIds;
    }

    public String reason() {
        return reason;
    }
}
