package io.portage.yard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SiteRulesTest {

    /** Berlin, weekdays 06:00-18:00 and Saturday 08:00-12:00, closed on 2030-12-25, dock A with a reefer door. */
    static SiteRules berlin(int grid) {
        List<SiteRules.Opening> hours = new java.util.ArrayList<>(Arrays.stream(DayOfWeek.values())
                .filter(day -> day.getValue() <= 5)
                .map(day -> new SiteRules.Opening(day, LocalTime.of(6, 0), LocalTime.of(18, 0)))
                .toList());
        hours.add(new SiteRules.Opening(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
        return new SiteRules(ZoneId.of("Europe/Berlin"), grid, hours, List.of(LocalDate.parse("2030-12-25")),
                Duration.ofHours(2), Duration.ofDays(14), LocalTime.of(15, 0),
                List.of(new SiteRules.Dock("A", List.of(new SiteRules.Door("A2", List.of("REEFER")),
                        new SiteRules.Door("A1", List.of("DRY", "REEFER")), new SiteRules.Door("A3", List.of())))),
                null, null);
    }

    /** Local Berlin times (UTC+1 in December). */
    static Slot slot(String day, String from, String to) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        return new Slot(LocalDate.parse(day).atTime(LocalTime.parse(from)).atZone(berlin).toInstant(),
                LocalDate.parse(day).atTime(LocalTime.parse(to)).atZone(berlin).toInstant());
    }

    /** Monday 2030-12-02 09:00 in Berlin. */
    static final Instant NOW = Instant.parse("2030-12-02T08:00:00Z");

    static AbstractThrowableAssert<?, ? extends Throwable> refused(SiteRules rules, Slot slot, String rule) {
        return assertThatThrownBy(() -> rules.check(slot, NOW, true)).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void aSlotWithinTheRulesPasses() {
        assertThatCode(() -> berlin(15).check(slot("2030-12-04", "06:00", "07:15"), NOW, true)).doesNotThrowAnyException();
        assertThatCode(() -> berlin(15).check(slot("2030-12-07", "11:00", "12:00"), NOW, true)).doesNotThrowAnyException();
        assertThatCode(() -> berlin(20).check(slot("2030-12-04", "07:20", "08:40"), NOW, true)).doesNotThrowAnyException();
    }

    @Test
    void theGridIsTheSitesInItsTimeZone() {
        refused(berlin(15), slot("2030-12-04", "07:05", "08:00"), "slot-grid").hasMessageContaining("quarter hour");
        refused(berlin(15), slot("2030-12-04", "07:00", "07:50"), "slot-grid").hasMessageContaining("quarter hour");
        refused(berlin(20), slot("2030-12-04", "07:15", "08:00"), "slot-grid").hasMessageContaining("20-minute");
        refused(berlin(30), slot("2030-12-04", "07:00", "07:20"), "slot-grid");
        // India is UTC+5:30: its 07:00 is a UTC half hour, on its own grid.
        SiteRules india = new SiteRules(ZoneId.of("Asia/Kolkata"), 30,
                List.of(new SiteRules.Opening(DayOfWeek.WEDNESDAY, LocalTime.of(6, 0), LocalTime.of(18, 0))), List.of(), null,
                null, null, berlin(15).docks(), null, null);
        assertThatCode(() -> india.check(new Slot(Instant.parse("2030-12-04T01:30:00Z"), Instant.parse("2030-12-04T02:30:00Z")),
                NOW, true)).doesNotThrowAnyException();
    }

    @Test
    void closedDaysAndOpeningHoursRefuse() {
        refused(berlin(15), slot("2030-12-25", "09:00", "10:00"), "closed-day");
        refused(berlin(15), slot("2030-12-08", "09:00", "10:00"), "opening-hours").hasMessageContaining("SUNDAY");
        refused(berlin(15), slot("2030-12-07", "11:30", "12:30"), "opening-hours");
        refused(berlin(15), slot("2030-12-04", "05:45", "06:30"), "opening-hours");
        refused(berlin(15), slot("2030-12-04", "17:00", "18:15"), "opening-hours");
    }

    @Test
    void carriersKeepTheNoticeAndTheCutOffOperatorsDoNot() {
        SiteRules rules = berlin(15);
        // Less than 2 hours ahead (now is 09:00 in Berlin).
        refused(rules, slot("2030-12-02", "10:45", "11:00"), "min-notice");
        refused(rules, slot("2030-12-02", "08:00", "08:15"), "min-notice").hasMessageContaining("past");
        refused(rules, slot("2030-12-17", "09:00", "10:00"), "max-notice");
        // Bookings for Wednesday close on Tuesday 15:00: open now, closed from 15:00 on.
        assertThatCode(() -> rules.check(slot("2030-12-04", "09:00", "10:00"), NOW, true)).doesNotThrowAnyException();
        Instant tuesdayAtThree = Instant.parse("2030-12-03T14:00:00Z");
        assertThatThrownBy(() -> rules.check(slot("2030-12-04", "09:00", "10:00"), tuesdayAtThree, true))
                .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rule()).isEqualTo("next-day-cutoff"));
        assertThatCode(() -> rules.check(slot("2030-12-04", "09:00", "10:00"), tuesdayAtThree.minusSeconds(1), true))
                .doesNotThrowAnyException();
        // Same-day bookings close at yesterday's cut-off too.
        refused(rules, slot("2030-12-02", "15:00", "16:00"), "next-day-cutoff");
        // An operator books past notice and cut-off, never into the past.
        assertThatCode(() -> rules.check(slot("2030-12-02", "09:15", "09:30"), NOW, false)).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(slot("2030-12-17", "09:00", "10:00"), NOW, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(slot("2030-12-02", "08:00", "08:15"), NOW, false))
                .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rule()).isEqualTo("min-notice"));
    }

    @Test
    void doorsAreOfferedInCodeOrderAmongThoseTakingTheLoad() {
        SiteRules rules = berlin(15);
        assertThat(rules.doorsFor("A", null)).extracting(SiteRules.Door::code).containsExactly("A1", "A2", "A3");
        assertThat(rules.doorsFor("A", "REEFER")).extracting(SiteRules.Door::code).containsExactly("A1", "A2", "A3");
        assertThat(rules.doorsFor("A", "DRY")).extracting(SiteRules.Door::code).containsExactly("A1", "A3");
        assertThatThrownBy(() -> rules.doorsFor("B", null)).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.rule()).isEqualTo("dock"));
        SiteRules reeferOnly = new SiteRules(rules.timeZone(), 15, rules.openingHours(), List.of(), null, null, null,
                List.of(new SiteRules.Dock("R", List.of(new SiteRules.Door("R1", List.of("REEFER"))))), null, null);
        assertThatThrownBy(() -> reeferOnly.doorsFor("R", "HAZMAT")).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.rule()).isEqualTo("load-type"));
    }
}
