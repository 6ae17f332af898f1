package io.portage.yard.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A carrier's detention terms as stored (table {@code carrier_detention}). */
@Entity
@Table(name = "carrier_detention")
public class CarrierDetention {

    @Id
    private String carrier;
    @Column(name = "free_minutes")
    private int freeMinutes;
    @Column(name = "hourly_rate")
    private BigDecimal hourlyRate;
    private String currency;
    @Column(name = "rounding_minutes")
    private int roundingMinutes;
    @Column(name = "maximum_charge")
    private BigDecimal maximumCharge;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected CarrierDetention() {
    }

    public CarrierDetention(String carrier) {
        this.carrier = carrier;
    }

    public void define(DetentionTerms terms, String by, Instant at) {
        this.freeMinutes = (int) terms.freeTime().toMinutes();
        this.hourlyRate = terms.hourlyRate();
        this.currency = terms.currency();
        this.roundingMinutes = (int) terms.rounding().toMinutes();
        this.maximumCharge = terms.maximumCharge();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String carrier() {
        return carrier;
    }

    public DetentionTerms terms() {
        return new DetentionTerms(Duration.ofMinutes(freeMinutes), hourlyRate, currency, Duration.ofMinutes(roundingMinutes),
                maximumCharge);
    }
}
