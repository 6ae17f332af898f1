package io.portage.odoo.connector.error;

/** Odoo failed with an error that fits no other type (an unexpected Python exception). */
public final class OdooServerException extends OdooException {

    public OdooServerException(String odooName, String message) {
        super(odooName, message, null);
    }

    public OdooServerException(String odooName, String message, Throwable cause) {
        super(odooName, message, cause);
    }
}
