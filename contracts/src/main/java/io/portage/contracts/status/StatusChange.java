package io.portage.contracts.status;

/** What an incoming status means for the status an aggregate holds: the answer of {@link Status#answer}. */
public enum StatusChange {

    /** A legal forward move, possibly past statuses whose events have not arrived: apply it. */
    APPLY,
    /** The aggregate already holds this status: nothing changes (the event's data may still be news). */
    SAME,
    /** The aggregate is already past this status (it precedes the held one): record the event, do not apply it. */
    LATE,
    /** No legal history holds both statuses (e.g. REJECTED after CANCELLED): record the event and raise an exception. */
    ILLEGAL
}
