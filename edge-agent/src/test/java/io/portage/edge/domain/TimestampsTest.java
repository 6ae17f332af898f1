package io.portage.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter STORE_FORM = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void readsWhatInstantParseReadsAndTheSameInstant() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L + 172_800, 253_402_300_799L - 172_800),
                    random.nextInt(1_000_000_000));
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            OffsetDateTime local = instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            int digits = random.nextInt(10);
            String text = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss" + (digits == 0 ? "" : "." + "S".repeat(digits)))
                    .format(local)
                    + (offsetMinutes == 0 && random.nextBoolean() ? "Z" : local.getOffset().getId().replace("Z", "+00:00"));
            assertThat(Timestamps.parseCommonForm(text)).as(text).isEqualTo(Instant.parse(text)).isNotNull();
            assertThat(Timestamps.parse(text.toLowerCase())).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesOtherFormsToInstantParseAndFailsAsItDoes() {
        for (String other : List.of("2026-11-23T08:00Z", "2026-11-23T24:00:00Z", "+12026-11-23T08:00:00Z",
                "2026-11-23T23:59:60Z", "2026-11-23T08:00:00+01", "2026-11-23T08:00:00+01:00:30",
                "2026-11-23T08:00:00.Z")) {
            assertThat(Timestamps.parseCommonForm(other)).as(other).isNull();
            assertThat(catching(() -> Timestamps.parse(other))).as(other).isEqualTo(catching(() -> Instant.parse(other)));
        }
        for (String invalid : List.of("", "yesterday", "2026-02-29T08:00:00Z", "2026-11-23T08:00:00", "2026-11-23 08:00:00Z",
                "2026-11-23T08:00:00.1234567891Z", "2026-13-01T00:00:00Z", "2026-11-23T08:00:00+19:00",
                "2026-11-23T08:00:00Zjunk", "2026-1l-23T08:00:00Z")) {
            assertThat(Timestamps.parseCommonForm(invalid)).as(invalid).isNull();
            assertThatThrownBy(() -> Timestamps.parse(invalid)).as(invalid).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void writesTheStoreFormThatSortsAsText() {
        SplittableRandom random = new SplittableRandom(7);
        String previous = "";
        Instant instant = Instant.parse("0001-01-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            String text = Timestamps.fixedWidth(instant);
            assertThat(text).hasSize(30).isEqualTo(STORE_FORM.format(instant)).isGreaterThan(previous);
            assertThat(Timestamps.parse(text)).isEqualTo(instant);
            previous = text;
            instant = instant.plusSeconds(random.nextLong(1, 2_000_000_000L)).plusNanos(random.nextInt(1_000_000_000));
            if (instant.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
                break;
            }
        }
        Instant farFuture = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(Timestamps.fixedWidth(farFuture)).isEqualTo(STORE_FORM.format(farFuture));
    }

    private static Object catching(java.util.concurrent.Callable<Instant> parse) {
        try {
            return parse.call();
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
