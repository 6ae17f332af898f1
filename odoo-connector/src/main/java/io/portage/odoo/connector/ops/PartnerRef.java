package io.portage.odoo.connector.ops;

/**
 * A partner as Portage knows it: its external reference (stored in Odoo's {@code ref}), name, e-mail and, for a
 * customer shipped to, its address (null when not known).
 */
public record PartnerRef(String ref, String name, String email, boolean company, Address address) {

    public PartnerRef(String ref, String name, String email, boolean company) {
        this(ref, name, email, company, null);
    }

    /** A postal address; {@code countryCode} is ISO 3166-1 alpha-2, matched to Odoo's {@code res.country} by code. */
    public record Address(String street, String city, String zip, String countryCode) {
    }
}
