package io.portage.odoo.connector.ops;

/** A partner as Portage knows it: its external reference (stored in Odoo's {@code ref}), name and e-mail. */
public record PartnerRef(String ref, String name, String email, boolean company) {
}
