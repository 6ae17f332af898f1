package io.portage.yard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DetentionTermsTest {

    /** 60 free minutes, 50.00 EUR an hour, in steps of 30 minutes, at most 100.00 EUR. */
    static final DetentionTerms TERMS = new DetentionTerms(Duration.ofMinutes(60), new BigDecimal("50.00"), "EUR",
            Duration.ofMinutes(30), new BigDecimal("100.00"));

    static Instant at(String time) {
        return Instant.parse("2030-11-30T" + time + ":00Z");
    }

    @Test
    void onTimeTheClockStartsAtTheSlotLateAtTheArrival() {
        DetentionTerms.Charge onTime = TERMS.charge(at("08:00"), at("07:50"), at("10:00")).orElseThrow();
        assertThat(onTime.clockStart()).isEqualTo(DetentionTerms.ClockStart.SLOT_START);
        assertThat(onTime.startedAt()).isEqualTo(at("08:00"));
        assertThat(onTime.minutes()).isEqualTo(60);
        assertThat(onTime.amount()).isEqualByComparingTo("50.00");
        DetentionTerms.Charge late = TERMS.charge(at("08:00"), at("08:10"), at("10:25")).orElseThrow();
        assertThat(late.clockStart()).isEqualTo(DetentionTerms.ClockStart.LATE_ARRIVAL);
        assertThat(late.startedAt()).isEqualTo(at("08:10"));
        // 135 minutes on the clock, 75 beyond the free hour, rounded up to 90: 1.5 h at 50.00.
        assertThat(late.minutes()).isEqualTo(90);
        assertThat(late.amount()).isEqualByComparingTo("75.00");
    }

    @Test
    void withinTheFreeTimeNothingAndTheMaximumCaps() {
        assertThat(TERMS.charge(at("08:00"), at("08:00"), at("09:00"))).isEmpty();
        assertThat(TERMS.charge(at("08:00"), at("08:00"), at("09:00")
                .plusSeconds(1))).hasValueSatisfying(c -> assertThat(c.minutes()).isEqualTo(30));
        DetentionTerms.Charge capped = TERMS.charge(at("08:00"), at("07:00"), at("13:00")).orElseThrow();
        assertThat(capped.minutes()).isEqualTo(240);
        assertThat(capped.amount()).isEqualByComparingTo("100.00");
        DetentionTerms uncapped = new DetentionTerms(Duration.ZERO, new BigDecimal("40"), "EUR", Duration.ofMinutes(15), null);
        assertThat(uncapped.charge(at("08:00"), at("08:00"), at("08:07")).orElseThrow().amount())
                .isEqualByComparingTo("10.00");
    }
}
