package io.portage.yard.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A site's booking rules as data: its time zone, opening hours per weekday, closed days, the slot grid, its docks with
 * their doors and the load types each door takes, carriers' minimum and maximum notice, the next-day cut-off, and how
 * inbound purchase orders are checked, and the no-show grace period. {@link #check} refuses a booking with the rule it breaks.
 */
public record SiteRules(ZoneId timeZone, int slotMinutes, List<Opening> openingHours, List<LocalDate> closedDays,
        Duration minNotice, Duration maxNotice, LocalTime nextDayCutoff, List<Dock> docks, PurchaseOrderCheck poCheck,
        Duration noShowGrace) {

    /** The slot grids a site may use: slots start every 15, 20 or 30 minutes. */
    public static final Set<Integer> GRIDS = Set.of(15, 20, 30);

    /** What a failed purchase-order check does: refuse the booking, or leave it requested for a person. */
    public enum OnFailure {
        REFUSE, HOLD
    }

    /** Orders planned within a day of the slot, a failed check refused: when a site says nothing else. */
    /** How long after its slot starts a truck that has not arrived is a no-show, when a site says nothing else. */
    public static final Duration DEFAULT_NO_SHOW_GRACE = Duration.ofMinutes(30);

    public static final PurchaseOrderCheck DEFAULT_PO_CHECK = new PurchaseOrderCheck(Duration.ofHours(24), OnFailure.REFUSE);

    public SiteRules {
        poCheck = poCheck == null ? DEFAULT_PO_CHECK : poCheck;
        noShowGrace = noShowGrace == null ? DEFAULT_NO_SHOW_GRACE : noShowGrace;
        openingHours = List.copyOf(openingHours);
        closedDays = List.copyOf(closedDays);
        docks = List.copyOf(docks);
        if (!GRIDS.contains(slotMinutes)) {
            throw new IllegalArgumentException("slotMinutes must be one of " + GRIDS);
        }
    }

    /** The site is open on {@code day} from {@code opens} until {@code closes} (same day; several windows a day allowed). */
    public record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    /** A dock: a group of doors booked together; a booking takes a free door of it. */
    public record Dock(String code, List<Door> doors) {

        public Dock {
            doors = List.copyOf(doors);
        }
    }

    /** A door and the load types it takes (none listed: it takes every load type). */
    public record Door(String code, List<String> loadTypes) {

        public Door {
            loadTypes = List.copyOf(loadTypes);
        }

        public boolean takes(String loadType) {
            return loadType == null || loadTypes.isEmpty() || loadTypes.contains(loadType);
        }
    }

    public Optional<Dock> dock(String code) {
        return docks.stream().filter(dock -> dock.code().equals(code)).findFirst();
    }

    /**
     * The doors of {@code dock} that take {@code loadType}, in the order they are offered (their code order: the first
     * free one is taken). Refuses an unknown dock ({@code dock}) or one whose doors take no such load ({@code load-type}).
     */
    public List<Door> doorsFor(String dockCode, String loadType) {
        Dock dock = dock(dockCode).orElseThrow(() -> new BookingRefusedException("dock", "dock",
                "Dock " + dockCode + " is not a dock of this site"));
        List<Door> doors = dock.doors()
                .stream()
                .filter(door -> door.takes(loadType))
                .sorted(Comparator.comparing(Door::code))
                .toList();
        if (doors.isEmpty()) {
            throw new BookingRefusedException("load-type", "loadType",
                    "No door of dock " + dockCode + " takes load type " + loadType);
        }
        return doors;
    }

    /**
     * Refuses {@code slot} when it breaks a rule: off the slot grid ({@code slot-grid}), on a closed day
     * ({@code closed-day}), outside the opening hours ({@code opening-hours}); for a carrier (not an operator) also with
     * less than the minimum notice ({@code min-notice}), more than the maximum ({@code max-notice}) or after the
     * previous day's cut-off ({@code next-day-cutoff}). A slot in the past is refused for everyone ({@code min-notice}).
     */
    public void check(Slot slot, Instant now, boolean carrier) {
        ZonedDateTime start = slot.start().atZone(timeZone);
        ZonedDateTime end = slot.end().atZone(timeZone);
        if (!onGrid(start) || !onGrid(end)) {
            throw new BookingRefusedException("slot-grid", "slotStart", slotMinutes == 15
                    ? "slots start and end on a quarter hour (:00, :15, :30, :45)"
                    : "slots start and end on the " + slotMinutes + "-minute grid of the site");
        }
        LocalDate day = start.toLocalDate();
        if (closedDays.contains(day)) {
            throw new BookingRefusedException("closed-day", "slotStart", "The site is closed on " + day);
        }
        boolean withinHours = end.toLocalDate().equals(day) || end.toLocalTime().equals(LocalTime.MIDNIGHT)
                && end.toLocalDate().equals(day.plusDays(1));
        LocalTime from = start.toLocalTime();
        LocalTime to = end.toLocalDate().equals(day) ? end.toLocalTime() : LocalTime.MAX;
        if (!withinHours || openingHours.stream()
                .noneMatch(open -> open.day() == day.getDayOfWeek() && !from.isBefore(open.opens())
                        && !to.isAfter(closesOf(open)))) {
            throw new BookingRefusedException("opening-hours", "slotStart",
                    "The slot is outside the site's opening hours on " + day.getDayOfWeek() + " (" + timeZone + ")");
        }
        if (slot.start().isBefore(now)) {
            throw new BookingRefusedException("min-notice", "slotStart", "The slot starts in the past");
        }
        if (!carrier) {
            return;
        }
        Duration notice = Duration.between(now, slot.start());
        if (minNotice != null && notice.compareTo(minNotice) < 0) {
            throw new BookingRefusedException("min-notice", "slotStart",
                    "Carriers book at least " + minNotice.toMinutes() + " minutes ahead");
        }
        if (maxNotice != null && notice.compareTo(maxNotice) > 0) {
            throw new BookingRefusedException("max-notice", "slotStart",
                    "Carriers book at most " + maxNotice.toDays() + " days ahead");
        }
        if (nextDayCutoff != null) {
            Instant deadline = day.minusDays(1).atTime(nextDayCutoff).atZone(timeZone).toInstant();
            if (!now.isBefore(deadline)) {
                throw new BookingRefusedException("next-day-cutoff", "slotStart", "Bookings for " + day
                        + " close at " + nextDayCutoff + " the day before (" + timeZone + ")");
            }
        }
    }

    private static LocalTime closesOf(Opening open) {
        return open.closes().equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : open.closes();
    }

    private boolean onGrid(ZonedDateTime time) {
        return time.getSecond() == 0 && time.getNano() == 0
                && (time.getHour() * 60 + time.getMinute()) % slotMinutes == 0;
    }
}
