package io.portage.contracts.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.portage.contracts.EventType;

/** One status model as the tests see it: its enum, its event mapping and the aggregate id its events carry first. */
record Model<S extends Enum<S> & Status<S>>(Class<S> type, Function<EventType, Optional<S>> of, String subject) {

    static final List<Model<?>> ALL = List.of(
            new Model<>(OrderStatus.class, OrderStatus::of, "orderId"),
            new Model<>(AppointmentStatus.class, AppointmentStatus::of, "appointmentId"),
            new Model<>(ShipmentStatus.class, ShipmentStatus::of, "shipmentId"),
            new Model<>(CarrierInvoiceStatus.class, CarrierInvoiceStatus::of, "carrierInvoiceId"));

    List<S> statuses() {
        return List.of(type.getEnumConstants());
    }

    /** The statuses no transition leads to. */
    List<S> initial() {
        Set<S> targets = EnumSet.noneOf(type);
        statuses().forEach(status -> targets.addAll(status.next()));
        List<S> initial = new ArrayList<>(statuses());
        initial.removeAll(targets);
        return initial;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
