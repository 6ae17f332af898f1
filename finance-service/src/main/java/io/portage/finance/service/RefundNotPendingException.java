package io.portage.finance.service;

import java.util.UUID;

/** A refund was decided on that is not waiting for a decision. */
public class RefundNotPendingException extends RuntimeException {

    public RefundNotPendingException(UUID id, String status) {
        super("Refund " + id + " is " + status + ", not waiting for approval");
    }
}
