package io.portage.yard.service;

/** No confirmed receipt line by that receipt and line number. */
public class ReceiptLineNotFoundException extends RuntimeException {

    public ReceiptLineNotFoundException(String receiptId, int lineNumber) {
        super("No line " + lineNumber + " of receipt " + receiptId);
    }
}
