package io.portage.yard.client;

/** Odoo could not be asked about the purchase orders (unreachable, refused the credentials, failed). */
public class PurchaseOrdersUnavailableException extends RuntimeException {

    public PurchaseOrdersUnavailableException(Throwable cause) {
        super("Odoo could not be asked about the purchase orders: " + cause.getMessage(), cause);
    }
}
