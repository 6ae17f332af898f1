package io.portage.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.portage.shipment.domain.tms.LoadPlan;
import io.portage.shipment.domain.tms.TmsLoad;

/** A load's states without Quarkus: tendered, planned by revision only forward, the appointment asked and kept. */
class TmsLoadTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant EIGHT = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");
    private final UUID shipment = UUID.randomUUID();

    private LoadPlan plan(long revision, Instant start, Instant end) {
        return new LoadPlan("LD-1", shipment, revision, "freightline", start, end);
    }

    @Test
    void aTenderThatFailedWaitsAndATenderTakenKeepsItsLoad() {
        TmsLoad load = TmsLoad.toTender(shipment, "WH1", NOW);
        load.tenderFailed("HTTP 503", NOW.plusSeconds(5));
        assertThat(load.status()).isEqualTo(TmsLoad.Status.TO_TENDER);
        assertThat(load.tenderAttempts()).isEqualTo(1);
        load.tendered("LD-1");
        assertThat(load.status()).isEqualTo(TmsLoad.Status.TENDERED);
        assertThat(load.loadId()).isEqualTo("LD-1");
        assertThat(load.tenderError()).isNull();
    }

    @Test
    void onlyANewerRevisionAppliesAndAMovedWindowAsksForTheAppointmentAgain() {
        TmsLoad load = TmsLoad.toTender(shipment, "WH1", NOW);
        load.tendered("LD-1");
        assertThat(load.plan(plan(1, EIGHT, NINE), NOW)).isTrue();
        assertThat(load.appointmentStatus()).isEqualTo(TmsLoad.Appointment.TO_BOOK);
        UUID appointment = UUID.randomUUID();
        load.appointmentBooked(appointment, EIGHT, NINE);
        assertThat(load.appointmentStatus()).isEqualTo(TmsLoad.Appointment.BOOKED);

        assertThat(load.plan(plan(1, EIGHT, NINE), NOW)).as("duplicate").isFalse();
        assertThat(load.plan(plan(2, EIGHT, NINE), NOW)).as("same window, newer").isTrue();
        assertThat(load.appointmentStatus()).as("nothing to move").isEqualTo(TmsLoad.Appointment.BOOKED);
        assertThat(load.plan(plan(3, NINE, NINE.plusSeconds(3600)), NOW)).isTrue();
        assertThat(load.appointmentStatus()).isEqualTo(TmsLoad.Appointment.TO_BOOK);
        assertThat(load.plan(plan(2, EIGHT, NINE), NOW)).as("late").isFalse();
        assertThat(load.pickupStart()).isEqualTo(NINE);

        load.appointmentBooked(appointment, EIGHT, NINE);
        assertThat(load.appointmentStatus()).as("booked at a window the plan has left: moved again")
                .isEqualTo(TmsLoad.Appointment.TO_BOOK);
        load.appointmentBooked(appointment, NINE, NINE.plusSeconds(3600));
        assertThat(load.appointmentStatus()).isEqualTo(TmsLoad.Appointment.BOOKED);
    }

    @Test
    void aPlanNeedsACarrierAndAWindowThatEndsAfterItStarts() {
        assertThatThrownBy(() -> plan(1, NINE, EIGHT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadPlan("LD-1", shipment, 0, "freightline", EIGHT, NINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadPlan("LD-1", shipment, 1, " ", EIGHT, NINE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
