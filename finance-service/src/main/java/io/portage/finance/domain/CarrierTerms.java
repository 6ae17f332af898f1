package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A carrier's terms as data: its vendor in Odoo, its tolerance overrides, and its fuel surcharges and agreed
 * accessorials (JSON lists, read and written by the service that owns them).
 */
@Entity
@Table(name = "carrier_terms")
public class CarrierTerms {

    @Id
    private String carrier;
    @Column(name = "odoo_partner_id")
    private Long odooPartnerId;
    @Column(name = "amount_tolerance")
    private BigDecimal amountTolerance;
    @Column(name = "percent_tolerance")
    private BigDecimal percentTolerance;
    @Column(name = "fuel_surcharges")
    private String fuelSurcharges;
    private String accessorials;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Version
    private long version;

    protected CarrierTerms() {
    }

    public CarrierTerms(String carrier) {
        this.carrier = carrier;
    }

    public void set(Long partnerId, BigDecimal amount, BigDecimal percent, String fuelJson, String accessorialsJson,
            String actor, Instant now) {
        this.odooPartnerId = partnerId;
        this.amountTolerance = amount;
        this.percentTolerance = percent;
        this.fuelSurcharges = fuelJson;
        this.accessorials = accessorialsJson;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    public String carrier() {
        return carrier;
    }

    public Long odooPartnerId() {
        return odooPartnerId;
    }

    public BigDecimal amountTolerance() {
        return amountTolerance;
    }

    public BigDecimal percentTolerance() {
        return percentTolerance;
    }

    public String fuelSurchargesJson() {
        return fuelSurcharges;
    }

    public String accessorialsJson() {
        return accessorials;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
