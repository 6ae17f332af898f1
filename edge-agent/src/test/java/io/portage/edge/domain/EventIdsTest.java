package io.portage.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion7AndCarryTheMillisecond() {
        Instant now = Instant.parse("2026-11-23T08:00:00.123Z");
        UUID id = new EventIds(Clock.fixed(now, ZoneOffset.UTC)).next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void idsOnlyIncreaseEvenWithinOneMillisecondOrWhenTheClockStepsBack() {
        Instant[] now = {Instant.parse("2026-11-23T08:00:00Z")};
        Clock clock = new Clock() {

            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        EventIds ids = new EventIds(clock);
        Set<UUID> seen = new HashSet<>();
        String previous = "";
        // 10,000 in one millisecond overflow the 12-bit counter: the ids borrow the next milliseconds and still rise.
        for (int i = 0; i < 30_000; i++) {
            if (i == 10_000) {
                now[0] = now[0].plusMillis(1);
            } else if (i == 20_000) {
                now[0] = now[0].minusSeconds(5);
            }
            UUID id = ids.next();
            // Compared as text too: that is how the store's id index orders them.
            assertThat(id.toString()).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id.toString();
        }
    }

    @Test
    void twoAgentsInTheSameMillisecondDoNotCollide() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
        EventIds first = new EventIds(clock);
        EventIds second = new EventIds(clock);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            assertThat(seen.add(first.next())).isTrue();
            assertThat(seen.add(second.next())).isTrue();
        }
    }
}
