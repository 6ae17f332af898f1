package io.portage.finance.service;

/** finance-service has heard of no order by this id. */
public class UnknownOrderInvoiceException extends RuntimeException {

    public UnknownOrderInvoiceException(String orderId) {
        super("No order " + orderId + " is known to finance");
    }
}
