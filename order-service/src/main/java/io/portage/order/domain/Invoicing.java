package io.portage.order.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The customer invoices Odoo posted for an order: when the first one was (Odoo may invoice before delivery) and their
 * names, comma separated (at most 200 characters).
 */
@Embeddable
public class Invoicing {

    private static final int MAX_NAMES = 200;

    @Column(name = "invoiced_at")
    private Instant invoicedAt;
    @Column(name = "invoice_names")
    private String names;

    /** Adds invoice {@code name} posted at {@code at}; false when it is known already. */
    boolean add(String name, Instant at) {
        if (names != null && List.of(names.split(", ")).contains(name)) {
            return false;
        }
        if (invoicedAt == null || at.isBefore(invoicedAt)) {
            invoicedAt = at;
        }
        String all = names == null ? name : names + ", " + name;
        names = all.length() <= MAX_NAMES ? all : all.substring(0, MAX_NAMES - 3) + "...";
        return true;
    }

    /** When Odoo posted the order's first customer invoice; null before. */
    public Instant invoicedAt() {
        return invoicedAt;
    }

    /** The names of the order's posted customer invoices in Odoo, comma separated; null before the first. */
    public String names() {
        return names;
    }
}
