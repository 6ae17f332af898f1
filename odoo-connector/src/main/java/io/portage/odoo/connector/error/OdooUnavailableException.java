package io.portage.odoo.connector.error;

/** Odoo could not be reached or did not answer in time (connection error, 5xx, timeout, open circuit, full bulkhead). */
public final class OdooUnavailableException extends OdooException {

    public OdooUnavailableException(String odooName, String message) {
        super(odooName, message, null);
    }

    public OdooUnavailableException(String odooName, String message, Throwable cause) {
        super(odooName, message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
