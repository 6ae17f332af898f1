package io.portage.odoo.connector.error;

/** Odoo's transaction hit a concurrent update (serialization failure, lock) and was rolled back. */
public final class OdooConcurrencyException extends OdooException {

    public OdooConcurrencyException(String odooName, String message) {
        super(odooName, message, null);
    }

    public OdooConcurrencyException(String odooName, String message, Throwable cause) {
        super(odooName, message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
