package io.portage.yard.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A dock time slot, [start, end): on whole 5-minute marks, at most 4 hours long (each site narrows the grid to 15,
 * 20 or 30 minutes: {@link SiteRules}). Two slots overlap when each starts before the other ends, so back-to-back slots
 * do not.
 */
public record Slot(Instant start, Instant end) {

    public static final Duration GRID = Duration.ofMinutes(5);
    public static final Duration LONGEST = Duration.ofHours(4);

    public Slot {
        if (start == null || end == null) {
            throw new InvalidSlotException("a slot needs a start and an end");
        }
        if (!end.isAfter(start)) {
            throw new InvalidSlotException("the slot must end after it starts");
        }
        if (!onGrid(start) || !onGrid(end)) {
            throw new InvalidSlotException("slots start and end on whole 5-minute marks");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidSlotException("a slot lasts at most " + LONGEST.toHours() + " hours");
        }
    }

    public boolean overlaps(Slot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    private static boolean onGrid(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES).equals(instant)
                && instant.getEpochSecond() % GRID.toSeconds() == 0;
    }

    /** The slot breaks one of the rules above. */
    public static final class InvalidSlotException extends IllegalArgumentException {

        public InvalidSlotException(String message) {
            super(message);
        }
    }
}
