package io.portage.contracts;

/**
 * Names of the CloudEvents 1.0 extension attributes every Portage event carries next to {@code id}, {@code source},
 * {@code type}, {@code time}, {@code subject} and {@code dataschema}.
 */
public final class CloudEventAttributes {

    /** Follows one business flow (an order) across services, set from the {@code X-Correlation-Id} HTTP header. */
    public static final String CORRELATION_ID = "correlationid";
    /** The id of the event or request that caused this event. */
    public static final String CAUSATION_ID = "causationid";
    /** The partner (tenant) the event belongs to; taken from the caller's token, never from a header. */
    public static final String PARTNER_ID = "partnerid";
    /** Per-aggregate, monotonic sequence number, so consumers can recognise late and early events. */
    public static final String SEQUENCE = "sequence";
    /** HTTP header that carries the correlation id in and out of services. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private CloudEventAttributes() {
    }
}
