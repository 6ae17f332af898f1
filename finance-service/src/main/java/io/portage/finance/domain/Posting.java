package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document Portage posted in Odoo (an accrual, its reversal, a vendor bill) with what caused it: the event ids or
 * batch and lines, and the correlation id, and what Odoo booked for it in the company currency at which rate. The answer
 * to "why was this posted".
 */
@Entity
@Table(name = "posting")
public class Posting {

    /** What was posted. */
    public enum Kind {
        ACCRUAL, ACCRUAL_REVERSAL, VENDOR_BILL, CUSTOMER_INVOICE, CREDIT_NOTE
    }

    @Id
    private UUID id;
    private String kind;
    @Column(name = "odoo_move_id")
    private long odooMoveId;
    @Column(name = "odoo_move_name")
    private String odooMoveName;
    private String ref;
    private BigDecimal amount;
    private String currency;
    @Column(name = "caused_by")
    private String causedBy;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "posted_at")
    private Instant postedAt;
    @Column(name = "company_currency")
    private String companyCurrency;
    @Column(name = "company_amount")
    private BigDecimal companyAmount;
    @Column(name = "exchange_rate")
    private BigDecimal exchangeRate;

    protected Posting() {
    }

    /** {@code causedByJson}: what caused it, as JSON (event ids, batch and lines). */
    public Posting(Kind kind, long odooMoveId, String odooMoveName, String ref, BigDecimal amount, String currency,
            String causedByJson, String correlationId, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind.name();
        this.odooMoveId = odooMoveId;
        this.odooMoveName = odooMoveName;
        this.ref = ref;
        this.amount = amount;
        this.currency = currency;
        this.causedBy = causedByJson;
        this.correlationId = correlationId;
        this.postedAt = now;
    }

    /**
     * What Odoo booked in the company currency for this posting (read back from the move's lines) and the rate between
     * the posting's currency and it (units of the posting's currency for one of the company's).
     */
    public Posting inCompanyCurrency(String currency, BigDecimal amount, BigDecimal rate) {
        this.companyCurrency = currency;
        this.companyAmount = amount;
        this.exchangeRate = rate;
        return this;
    }

    public String kind() {
        return kind;
    }

    public long odooMoveId() {
        return odooMoveId;
    }

    public String odooMoveName() {
        return odooMoveName;
    }

    public String ref() {
        return ref;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String causedByJson() {
        return causedBy;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public String companyCurrency() {
        return companyCurrency;
    }

    public BigDecimal companyAmount() {
        return companyAmount;
    }

    public BigDecimal exchangeRate() {
        return exchangeRate;
    }
}
