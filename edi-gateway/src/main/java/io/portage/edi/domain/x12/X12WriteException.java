package io.portage.edi.domain.x12;

/** A document could not be written as valid X12 (the reason names the segment and element). */
public class X12WriteException extends RuntimeException {

    public X12WriteException(String message) {
        super(message);
    }

    public X12WriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
