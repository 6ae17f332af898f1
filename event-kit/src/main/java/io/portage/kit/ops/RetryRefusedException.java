package io.portage.kit.ops;

/**
 * An {@link ExceptionRetrier}'s answer that the item is no longer one to retry (its subject changed meanwhile): the
 * retry is refused as a conflict, and the item stays open, unchanged, to be resolved or discarded.
 */
public class RetryRefusedException extends RuntimeException {

    private final String code;
    private final String summary;

    /**
     * @param code a short stable name for the reason, e.g. {@code order-not-held}
     * @param summary one line for people, e.g. "Order is not on hold"
     * @param detail what is the case and what to do
     */
    public RetryRefusedException(String code, String summary, String detail) {
        super(detail);
        this.code = code;
        this.summary = summary;
    }

    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }
}
