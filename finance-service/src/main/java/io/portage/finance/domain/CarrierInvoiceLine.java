package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A carrier invoice line as received, and once audited its verdict: matched, or disputed with class and evidence. */
@Entity
@Table(name = "carrier_invoice_line")
public class CarrierInvoiceLine {

    /** Waiting for the audit, or its verdict. */
    public enum Status {
        PENDING, MATCHED, DISPUTED
    }

    @Id
    private UUID id;
    @Column(name = "invoice_id")
    private UUID invoiceId;
    @Column(name = "batch_id")
    private UUID batchId;
    private int position;
    @Column(name = "line_number")
    private int lineNumber;
    private String carrier;
    @Column(name = "tracking_number")
    private String trackingNumber;
    @Column(name = "ship_date")
    private LocalDate shipDate;
    @Column(name = "origin_country")
    private String originCountry;
    @Column(name = "destination_country")
    private String destinationCountry;
    private String service;
    @Column(name = "declared_weight_kg")
    private BigDecimal declaredWeightKg;
    @Column(name = "billed_weight_kg")
    private BigDecimal billedWeightKg;
    private BigDecimal freight;
    private BigDecimal fuel;
    private String accessorials;
    private BigDecimal total;
    private String currency;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "dispute_class")
    @Enumerated(EnumType.STRING)
    private DisputeClass disputeClass;
    private BigDecimal expected;
    private String evidence;
    @Column(name = "audited_at")
    private Instant auditedAt;

    protected CarrierInvoiceLine() {
    }

    /** A received line; {@code accessorialsJson} is the line's accessorials by code as JSON. */
    public CarrierInvoiceLine(CarrierInvoice invoice, int position, InvoiceLine line, String accessorialsJson) {
        this.id = UUID.randomUUID();
        this.invoiceId = invoice.id();
        this.batchId = invoice.batchId();
        this.position = position;
        this.lineNumber = line.lineNumber();
        this.carrier = invoice.carrier();
        this.trackingNumber = line.trackingNumber();
        this.shipDate = line.shipDate();
        this.originCountry = line.lane() == null ? null : line.lane().origin();
        this.destinationCountry = line.lane() == null ? null : line.lane().destination();
        this.service = line.service();
        this.declaredWeightKg = line.declaredWeightKg();
        this.billedWeightKg = line.billedWeightKg();
        this.freight = line.freight();
        this.fuel = line.fuel();
        this.accessorials = accessorialsJson;
        this.total = line.total();
        this.currency = invoice.currency();
        this.status = Status.PENDING;
    }

    /** Records the verdict; {@code evidenceJson} is the verdict's evidence as JSON. */
    public void judge(Verdict verdict, String evidenceJson, Instant now) {
        status = verdict.matched() ? Status.MATCHED : Status.DISPUTED;
        disputeClass = verdict.dispute();
        expected = verdict.expected();
        evidence = evidenceJson;
        auditedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID invoiceId() {
        return invoiceId;
    }

    public UUID batchId() {
        return batchId;
    }

    public int position() {
        return position;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public LocalDate shipDate() {
        return shipDate;
    }

    /** The lane, or null for a line that carries only an amount. */
    public Lane lane() {
        return originCountry == null ? null : new Lane(originCountry, destinationCountry);
    }

    public String service() {
        return service;
    }

    public BigDecimal declaredWeightKg() {
        return declaredWeightKg;
    }

    public BigDecimal billedWeightKg() {
        return billedWeightKg;
    }

    public BigDecimal freight() {
        return freight;
    }

    public BigDecimal fuel() {
        return fuel;
    }

    public String accessorialsJson() {
        return accessorials;
    }

    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public DisputeClass disputeClass() {
        return disputeClass;
    }

    public BigDecimal expected() {
        return expected;
    }

    public String evidenceJson() {
        return evidence;
    }

    public Instant auditedAt() {
        return auditedAt;
    }
}
