package io.portage.edi.service;

/** A partner's SFTP server could not be used now (breaker open, every attempt failed, or a file over the limit). */
public class PartnerUnavailableException extends RuntimeException {

    private final String partnerId;

    public PartnerUnavailableException(String partnerId, String message, Throwable cause) {
        super(partnerId + ": " + message, cause);
        this.partnerId = partnerId;
    }

    public String partnerId() {
        return partnerId;
    }
}
