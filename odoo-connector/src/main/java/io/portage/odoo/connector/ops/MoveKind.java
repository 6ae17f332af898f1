package io.portage.odoo.connector.ops;

/** The {@code account.move} documents Portage makes, each with its Odoo {@code move_type}. */
public enum MoveKind {

    /** A customer invoice: {@code out_invoice}. */
    CUSTOMER_INVOICE("out_invoice"),
    /** A vendor bill, e.g. a carrier's invoice: {@code in_invoice}. */
    VENDOR_BILL("in_invoice"),
    /** A customer credit note: {@code out_refund}. */
    CREDIT_NOTE("out_refund"),
    /** A journal entry of debit and credit lines, e.g. a freight accrual: {@code entry}. */
    ACCRUAL("entry");

    private final String moveType;

    MoveKind(String moveType) {
        this.moveType = moveType;
    }

    /** Odoo's {@code account.move.move_type} for this kind. */
    public String moveType() {
        return moveType;
    }

    /** Whether this kind is an invoice-like document (partner, invoice lines) rather than a journal entry. */
    public boolean invoice() {
        return this != ACCRUAL;
    }
}
