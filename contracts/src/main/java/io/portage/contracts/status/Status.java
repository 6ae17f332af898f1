package io.portage.contracts.status;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A canonical status of one aggregate, with its legal transitions and its rank, so a consumer decides what an incoming
 * status means for the one it holds ({@link #answer}) without knowing the table.
 * <p>
 * The transitions form a graph without cycles: every legal transition goes to a higher {@link #rank()}. An incoming
 * status the held one leads to is applied (skipping statuses whose events are late or lost), one that leads to the held
 * status is late, and two statuses on different branches (neither leads to the other) never meet in a legal history.
 * Hence, for the statuses of one legal history arriving in any order and any number of times, applying only the
 * {@link StatusChange#APPLY} answers ends in the last status of that history, as applying them in rank order does.
 *
 * @param <S> the status enum
 */
public interface Status<S extends Enum<S> & Status<S>> {

    /** Precedence: a legal transition always goes to a higher rank; statuses on parallel branches may share one. */
    int rank();

    /** The statuses this one may move to directly; empty for a terminal status. */
    Set<S> next();

    /** Whether no transition leaves this status. */
    default boolean terminal() {
        return next().isEmpty();
    }

    /** Whether {@code later} follows this status through one or more legal transitions. */
    default boolean leadsTo(Status<S> later) {
        Deque<S> open = new ArrayDeque<>(next());
        Set<S> seen = new HashSet<>();
        while (!open.isEmpty()) {
            S status = open.pop();
            if (status == later) {
                return true;
            }
            if (seen.add(status)) {
                open.addAll(status.next());
            }
        }
        return false;
    }

    /** What {@code incoming} means for an aggregate that holds this status. */
    default StatusChange answer(S incoming) {
        Objects.requireNonNull(incoming, "incoming");
        if (incoming == this) {
            return StatusChange.SAME;
        }
        if (leadsTo(incoming)) {
            return StatusChange.APPLY;
        }
        return incoming.leadsTo(this) ? StatusChange.LATE : StatusChange.ILLEGAL;
    }

    /**
     * The status an aggregate holds after {@code incoming}: {@code incoming} when it applies or nothing was held
     * ({@code current} null), else {@code current}.
     */
    static <S extends Enum<S> & Status<S>> S after(S current, S incoming) {
        return current == null || current.answer(incoming) == StatusChange.APPLY ? incoming : current;
    }
}
