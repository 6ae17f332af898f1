package io.portage.edi.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A parcel packed for a customer's order: its SSCC and what is in it (PackConfirmed.Line[], JSON). */
@Entity
@Table(name = "edi_pack")
public class PackedParcel {

    @Id
    private String reference;
    @Column(name = "order_id")
    private String orderId;
    private String sscc;
    private String lines;

    protected PackedParcel() {
    }

    public PackedParcel(String orderId, String sscc, String lines) {
        this.reference = orderId + "/" + sscc;
        this.orderId = orderId;
        this.sscc = sscc;
        this.lines = lines;
    }

    public String reference() {
        return reference;
    }

    public String sscc() {
        return sscc;
    }

    public String lines() {
        return lines;
    }
}
