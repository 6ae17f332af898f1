package io.portage.yard.service;

/** An Idempotency-Key the caller already used for another request (another appointment, path or body). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used with another request (path or body); use a new key for a new request");
    }
}
