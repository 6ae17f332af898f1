package io.portage.kit.domain;

/**
 * What a caller named does not exist, or not for them: the base of every service's "no such order, site, shipment"
 * failure, which runtime-kit's problem mappers answer as {@code not-found} with the message as the detail.
 */
public abstract class NotFoundException extends RuntimeException {

    protected NotFoundException(String message) {
        super(message);
    }
}
