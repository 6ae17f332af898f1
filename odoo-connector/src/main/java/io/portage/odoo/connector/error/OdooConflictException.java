package io.portage.odoo.connector.error;

/**
 * Portage refuses an operation because of what Odoo already holds, where Odoo itself would accept it: a second vendor
 * bill with the same vendor and reference, a delivery refunded both by a return and by a credit note, a wizard the
 * connector does not know how to answer. Not retried: repeating gives the same answer.
 */
public final class OdooConflictException extends OdooException {

    public OdooConflictException(String reason, String message) {
        super(reason, message, null);
    }
}
