package io.portage.finance.service;

/** An order's invoice cannot be released now, and why. */
public class InvoiceNotReleasableException extends RuntimeException {

    public InvoiceNotReleasableException(String orderId, String why) {
        super("The invoice of order " + orderId + " cannot be released: " + why);
    }
}
