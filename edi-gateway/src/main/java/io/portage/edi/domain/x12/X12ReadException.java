package io.portage.edi.domain.x12;

/** A file is not an X12 interchange Portage can read at all. */
public class X12ReadException extends RuntimeException {

    public X12ReadException(String message) {
        super(message);
    }

    public X12ReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
