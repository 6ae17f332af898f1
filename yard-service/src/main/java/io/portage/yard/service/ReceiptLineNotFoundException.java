package io.portage.yard.service;

import io.portage.kit.domain.NotFoundException;

/** No confirmed receipt line by that receipt and line number. */
public class ReceiptLineNotFoundException extends NotFoundException {

    public ReceiptLineNotFoundException(String receiptId, int lineNumber) {
        super("No line " + lineNumber + " of receipt " + receiptId);
    }
}
