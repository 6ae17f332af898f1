package io.portage.finance.service;

import java.util.UUID;

/** No refund has this id. */
public class UnknownRefundException extends RuntimeException {

    public UnknownRefundException(UUID id) {
        super("No refund " + id);
    }
}
