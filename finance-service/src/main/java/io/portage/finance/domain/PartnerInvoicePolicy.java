package io.portage.finance.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's (partner's) invoice policy, set by finance. */
@Entity
@Table(name = "invoice_policy")
public class PartnerInvoicePolicy {

    @Id
    @Column(name = "partner_id")
    private String partnerId;
    @Enumerated(EnumType.STRING)
    private InvoicePolicy policy;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PartnerInvoicePolicy() {
    }

    public PartnerInvoicePolicy(String partnerId) {
        this.partnerId = partnerId;
    }

    public void set(InvoicePolicy value, String actor, Instant now) {
        policy = value;
        updatedBy = actor;
        updatedAt = now;
    }

    public String partnerId() {
        return partnerId;
    }

    public InvoicePolicy policy() {
        return policy;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
