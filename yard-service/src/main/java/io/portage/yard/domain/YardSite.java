package io.portage.yard.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A site as stored: its code and its booking rules as a JSON document (read and written by the repository). */
@Entity
@Table(name = "yard_site")
public class YardSite {

    @Id
    private String code;
    private String rules;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Version
    private long version;

    protected YardSite() {
    }

    public YardSite(String code) {
        this.code = code;
    }

    public void define(String rulesJson, String by, Instant at) {
        this.rules = rulesJson;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String code() {
        return code;
    }

    public String rules() {
        return rules;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
