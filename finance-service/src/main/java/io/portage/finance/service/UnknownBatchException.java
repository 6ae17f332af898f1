package io.portage.finance.service;

import java.util.UUID;

/** No carrier invoice batch has this id. */
public class UnknownBatchException extends RuntimeException {

    public UnknownBatchException(UUID id) {
        super("No carrier invoice batch " + id);
    }
}
