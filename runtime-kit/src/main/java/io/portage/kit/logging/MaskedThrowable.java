package io.portage.kit.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.portage.contracts.PersonalData;

/**
 * A stand-in for an exception in a log record whose messages carry personal data: it prints as the original with the
 * data masked (class, message, stack trace, causes and suppressed exceptions), and is never thrown.
 */
final class MaskedThrowable extends Throwable {

    private final String text;

    private MaskedThrowable(Throwable original, Throwable maskedCause) {
        super(null, maskedCause, true, true);
        this.text = PersonalData.maskText(original.toString());
        setStackTrace(original.getStackTrace());
    }

    /** Whether any message in the chain of {@code thrown} names personal data. */
    static boolean needed(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            String text = t.toString();
            if (!text.equals(PersonalData.maskText(text))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (needed(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Throwable of(Throwable original) {
        return of(original, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable of(Throwable original, Set<Throwable> seen) {
        seen.add(original);
        Throwable cause = original.getCause();
        MaskedThrowable masked = new MaskedThrowable(original,
                cause == null || seen.contains(cause) ? null : of(cause, seen));
        for (Throwable suppressed : original.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                masked.addSuppressed(of(suppressed, seen));
            }
        }
        return masked;
    }

    @Override
    public String toString() {
        return text;
    }
}
