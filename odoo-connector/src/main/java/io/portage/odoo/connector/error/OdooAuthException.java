package io.portage.odoo.connector.error;

/** Odoo refused the credentials (AccessDenied, an invalid API key, a failed login). */
public final class OdooAuthException extends OdooException {

    public OdooAuthException(String odooName, String message) {
        super(odooName, message, null);
    }

    public OdooAuthException(String odooName, String message, Throwable cause) {
        super(odooName, message, cause);
    }
}
