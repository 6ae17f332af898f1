package io.portage.odoo.connector.error;

/** The record, model or method does not exist (MissingError, JSON-2 404). */
public final class OdooMissingException extends OdooException {

    public OdooMissingException(String odooName, String message) {
        super(odooName, message, null);
    }

    public OdooMissingException(String odooName, String message, Throwable cause) {
        super(odooName, message, cause);
    }
}
