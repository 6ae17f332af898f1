package io.portage.contracts;

import java.util.List;
import java.util.Optional;

import io.portage.contracts.order.OrderReceived;
import io.portage.contracts.yard.AppointmentBooked;

/** Every canonical event type Portage publishes. A type is added here together with its record and its schema. */
public final class EventCatalog {

    public static final EventType ORDER_RECEIVED_V1 = new EventType("io.portage.order.received.v1", OrderReceived.class,
            Topics.ORDERS);

    public static final EventType APPOINTMENT_BOOKED_V1 = new EventType("io.portage.yard.appointment-booked.v1",
            AppointmentBooked.class, Topics.YARD);

    private static final List<EventType> ALL = List.of(ORDER_RECEIVED_V1, APPOINTMENT_BOOKED_V1);

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(eventType -> eventType.type().equals(type)).findFirst();
    }
}
