package io.portage.finance.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A carrier's invoice as received in a batch. One carrier's invoice number is billed in Odoo at most once: an invoice
 * repeating a number received before is held as a duplicate of that one and its lines disputed, never billed.
 */
@Entity
@Table(name = "carrier_invoice")
public class CarrierInvoice {

    /**
     * Where an invoice stands: lines being audited; audited and waiting for its bill; billed in Odoo (its matched lines);
     * nothing to bill (every line disputed); or its bill refused by Odoo (the reason kept, an exception raised).
     */
    public enum Status {
        AUDITING, AUDITED, BILLED, NOTHING_TO_BILL, BILL_FAILED
    }

    @Id
    private UUID id;
    @Column(name = "batch_id")
    private UUID batchId;
    private int position;
    private String carrier;
    @Column(name = "invoice_number")
    private String invoiceNumber;
    @Column(name = "invoice_date")
    private LocalDate invoiceDate;
    private String currency;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "duplicate_of")
    private UUID duplicateOf;
    @Column(name = "odoo_bill_id")
    private Long odooBillId;
    @Column(name = "odoo_bill_name")
    private String odooBillName;
    @Column(name = "bill_error")
    private String billError;
    @Version
    private long version;

    protected CarrierInvoice() {
    }

    public CarrierInvoice(UUID batchId, int position, String carrier, String invoiceNumber, LocalDate invoiceDate,
            String currency, UUID duplicateOf) {
        this.id = UUID.randomUUID();
        this.batchId = batchId;
        this.position = position;
        this.carrier = carrier;
        this.invoiceNumber = invoiceNumber;
        this.invoiceDate = invoiceDate;
        this.currency = currency;
        this.duplicateOf = duplicateOf;
        this.status = Status.AUDITING;
    }

    public void audited() {
        if (status == Status.AUDITING) {
            status = Status.AUDITED;
        }
    }

    public void billed(long billId, String billName) {
        status = Status.BILLED;
        odooBillId = billId;
        odooBillName = billName;
        billError = null;
    }

    public void nothingToBill() {
        status = Status.NOTHING_TO_BILL;
    }

    public void billFailed(String reason) {
        status = Status.BILL_FAILED;
        billError = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID batchId() {
        return batchId;
    }

    public int position() {
        return position;
    }

    public String carrier() {
        return carrier;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate invoiceDate() {
        return invoiceDate;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public UUID duplicateOf() {
        return duplicateOf;
    }

    public Long odooBillId() {
        return odooBillId;
    }

    public String odooBillName() {
        return odooBillName;
    }

    public String billError() {
        return billError;
    }
}
