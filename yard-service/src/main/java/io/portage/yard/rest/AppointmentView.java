package io.portage.yard.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.portage.yard.domain.DockAppointment;

/** An appointment as the API shows it. */
public record AppointmentView(UUID id, String site, String dock, String door, String loadType, String direction, String carrier,
        String reference,
        String partnerId, List<String> purchaseOrders, List<String> shipments, Instant slotStart, Instant slotEnd,
        String status, String statusReason,
        Instant bookedAt, Instant arrivedAt, Instant expectedArrival, String etaSource, Instant atRiskSince) {

    static AppointmentView of(DockAppointment appointment) {
        return new AppointmentView(appointment.id(), appointment.site(), appointment.dock(), appointment.door(),
                appointment.loadType(), appointment.direction().name(),
                appointment.carrier(), appointment.reference(), appointment.partnerId(), appointment.purchaseOrders(),
                appointment.shipments(),
                appointment.slot().start(),
                appointment.slot().end(), appointment.status().name(), appointment.statusReason(), appointment.bookedAt(),
                appointment.arrivedAt(), appointment.expectedArrival(), appointment.etaSource(), appointment.atRiskSince());
    }
}
