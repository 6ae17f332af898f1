package io.portage.odoo.connector.error;

/** A failed call to Odoo, typed by what the caller can do about it; only unavailable and concurrency are retried. */
public abstract sealed class OdooException extends RuntimeException
        permits OdooAuthException, OdooAccessException, OdooValidationException, OdooMissingException,
        OdooConcurrencyException, OdooUnavailableException, OdooServerException, OdooConflictException {

    private final String odooName;

    protected OdooException(String odooName, String message, Throwable cause) {
        super(message, cause);
        this.odooName = odooName;
    }

    /** Odoo's exception name ({@code data.name} or JSON-2 {@code name}), or a transport-side name. */
    public String odooName() {
        return odooName;
    }

    /** Whether repeating the same call may succeed (the first attempt did not commit, or is safe to repeat). */
    public boolean retryable() {
        return false;
    }
}
