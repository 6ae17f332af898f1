package io.portage.finance.service;

import java.util.UUID;

/** No payout import has this id. */
public class UnknownPayoutImportException extends RuntimeException {

    public UnknownPayoutImportException(UUID id) {
        super("No payout import " + id);
    }
}
