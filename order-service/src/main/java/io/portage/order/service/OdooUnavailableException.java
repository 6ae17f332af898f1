package io.portage.order.service;

/** Odoo could not be read for a use case that needs it now (nothing was stored; the caller may send it again). */
public class OdooUnavailableException extends RuntimeException {

    public OdooUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
