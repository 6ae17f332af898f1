package io.portage.odoo.connector.error;

/** The user is authenticated but not allowed to do this (AccessError). */
public final class OdooAccessException extends OdooException {

    public OdooAccessException(String odooName, String message) {
        super(odooName, message, null);
    }

    public OdooAccessException(String odooName, String message, Throwable cause) {
        super(odooName, message, cause);
    }
}
