package io.portage.yard.domain;

/** A booking broke one of a site's booking rules; {@link #rule()} names it, {@link #field()} the request field concerned. */
public class BookingRefusedException extends RuntimeException {

    private final String rule;
    private final String field;

    public BookingRefusedException(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
