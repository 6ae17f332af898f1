package io.portage.odoo.connector.error;

/** Odoo rejected the data or the request (UserError, ValidationError, a bad parameter). */
public final class OdooValidationException extends OdooException {

    public OdooValidationException(String odooName, String message) {
        super(odooName, message, null);
    }

    public OdooValidationException(String odooName, String message, Throwable cause) {
        super(odooName, message, cause);
    }
}
