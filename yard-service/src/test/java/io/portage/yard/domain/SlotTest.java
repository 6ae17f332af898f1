package io.portage.yard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlotTest {

    static Slot slot(String start, String end) {
        return new Slot(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void acceptsSlotsOnFiveMinuteMarksUpToFourHours() {
        assertThat(slot("2026-11-24T07:00:00Z", "2026-11-24T07:15:00Z").length()).hasMinutes(15);
        assertThat(slot("2026-11-24T07:45:00Z", "2026-11-24T11:45:00Z").length()).hasHours(4);
        assertThat(slot("2026-11-24T07:20:00Z", "2026-11-24T07:40:00Z").length()).hasMinutes(20);
    }

    @Test
    void refusesEmptyBackwardsOffGridAndOverlongSlots() {
        // The quarter-hour grid is a site's rule now (SiteRulesTest); a slot is on whole 5-minute marks.
        assertThatThrownBy(() -> slot("2026-11-24T07:00:00Z", "2026-11-24T07:00:00Z")).hasMessageContaining("end after");
        assertThatThrownBy(() -> slot("2026-11-24T08:00:00Z", "2026-11-24T07:00:00Z")).hasMessageContaining("end after");
        assertThatThrownBy(() -> slot("2026-11-24T07:03:00Z", "2026-11-24T08:00:00Z")).hasMessageContaining("5-minute");
        assertThatThrownBy(() -> slot("2026-11-24T07:00:30Z", "2026-11-24T08:00:00Z")).hasMessageContaining("5-minute");
        assertThatThrownBy(() -> slot("2026-11-24T07:00:00Z", "2026-11-24T11:15:00Z")).hasMessageContaining("at most 4 hours");
        assertThatThrownBy(() -> new Slot(null, Instant.now())).isInstanceOf(Slot.InvalidSlotException.class);
    }

    @Test
    void backToBackSlotsDoNotOverlapButSharedMinutesDo() {
        Slot seven = slot("2026-11-24T07:00:00Z", "2026-11-24T08:00:00Z");
        assertThat(seven.overlaps(slot("2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z"))).isFalse();
        assertThat(seven.overlaps(slot("2026-11-24T06:00:00Z", "2026-11-24T07:00:00Z"))).isFalse();
        assertThat(seven.overlaps(slot("2026-11-24T07:45:00Z", "2026-11-24T08:15:00Z"))).isTrue();
        assertThat(seven.overlaps(slot("2026-11-24T06:00:00Z", "2026-11-24T10:00:00Z"))).isTrue();
        assertThat(seven.overlaps(seven)).isTrue();
    }
}
