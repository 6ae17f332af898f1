package io.portage.odoo.connector.ops;

/** A product as Portage knows it: its code (Odoo's {@code default_code}), name and whether stock is tracked. */
public record ProductRef(String defaultCode, String name, boolean storable) {
}
