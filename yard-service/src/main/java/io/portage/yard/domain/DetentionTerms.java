package io.portage.yard.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A carrier's detention terms: free time, hourly rate (in {@code currency}), the increment chargeable time is rounded
 * up to, and a maximum charge per visit (null: none). The clock starts at the slot's start when the truck arrived by
 * then, at its arrival when it was late, and stops at gate-out.
 */
public record DetentionTerms(Duration freeTime, BigDecimal hourlyRate, String currency, Duration rounding,
        BigDecimal maximumCharge) {

    /** Why the clock started when it did. */
    public enum ClockStart {
        SLOT_START, LATE_ARRIVAL
    }

    /** A charge and how it came about. */
    public record Charge(ClockStart clockStart, Instant startedAt, Instant stoppedAt, int minutes, BigDecimal amount) {
    }

    /** The charge for a truck booked at {@code slotStart} that arrived and left as given; empty within the free time. */
    public Optional<Charge> charge(Instant slotStart, Instant arrivedAt, Instant departedAt) {
        boolean onTime = !arrivedAt.isAfter(slotStart);
        Instant start = onTime ? slotStart : arrivedAt;
        Duration over = Duration.between(start, departedAt).minus(freeTime);
        if (over.isNegative() || over.isZero()) {
            return Optional.empty();
        }
        long overMinutes = (over.getSeconds() + 59) / 60;
        long step = rounding.toMinutes();
        long billed = (overMinutes + step - 1) / step * step;
        BigDecimal amount = hourlyRate.multiply(BigDecimal.valueOf(billed))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        if (maximumCharge != null && amount.compareTo(maximumCharge) > 0) {
            amount = maximumCharge;
        }
        return Optional.of(new Charge(onTime ? ClockStart.SLOT_START : ClockStart.LATE_ARRIVAL, start, departedAt,
                (int) Math.min(billed, 43_200), amount));
    }
}
