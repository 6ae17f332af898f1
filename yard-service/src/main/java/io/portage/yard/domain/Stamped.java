package io.portage.yard.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * A value with the time and scan id it came from. Two of them merge by time, then scan id, so a merge does not depend
 * on which arrived first, and merging one with itself changes nothing.
 */
public record Stamped<T>(Instant at, String scanId, T value) {

    private static final Comparator<Stamped<?>> ORDER = Comparator.comparing((Stamped<?> s) -> s.at())
            .thenComparing(Stamped::scanId);

    /** The earlier of the two (null counts as absent). */
    public static <T> Stamped<T> earliest(Stamped<T> a, Stamped<T> b) {
        return a == null ? b : b == null ? a : ORDER.compare(a, b) <= 0 ? a : b;
    }

    /** The later of the two (null counts as absent). */
    public static <T> Stamped<T> latest(Stamped<T> a, Stamped<T> b) {
        return a == null ? b : b == null ? a : ORDER.compare(a, b) >= 0 ? a : b;
    }
}
