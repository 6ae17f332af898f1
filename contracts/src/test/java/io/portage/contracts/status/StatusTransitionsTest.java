package io.portage.contracts.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transitions that matter, answered as a consumer holding {@code current} sees {@code incoming}. */
class StatusTransitionsTest {

    @ParameterizedTest(name = "{0}: {1} then {2} -> {3}")
    @CsvSource(textBlock = """
            OrderStatus,          RECEIVED,         ACCEPTED,         APPLY
            OrderStatus,          RECEIVED,         RELEASED,         APPLY
            OrderStatus,          RECEIVED,         REJECTED,         APPLY
            OrderStatus,          ACCEPTED,         ACCEPTED,         SAME
            OrderStatus,          ACCEPTED,         RECEIVED,         LATE
            OrderStatus,          RELEASED,         ACCEPTED,         LATE
            OrderStatus,          ACCEPTED,         REJECTED,         ILLEGAL
            OrderStatus,          REJECTED,         ACCEPTED,         ILLEGAL
            OrderStatus,          REJECTED,         CANCELLED,        ILLEGAL
            OrderStatus,          CANCELLED,        REJECTED,         ILLEGAL
            OrderStatus,          CANCELLED,        PACKED,           ILLEGAL
            OrderStatus,          PACKED,           CANCELLED,        ILLEGAL
            OrderStatus,          CANCELLED,        RELEASED,         LATE
            OrderStatus,          PICKED,           CANCELLED,        APPLY
            OrderStatus,          PICKED,           PACKED,           APPLY
            OrderStatus,          PACKED,           PICKED,           LATE
            AppointmentStatus,    BOOKED,           RESCHEDULED,      APPLY
            AppointmentStatus,    RESCHEDULED,      RESCHEDULED,      SAME
            AppointmentStatus,    RESCHEDULED,      BOOKED,           LATE
            AppointmentStatus,    BOOKED,           MISSED,           APPLY
            AppointmentStatus,    MISSED,           CHECKED_IN,       APPLY
            AppointmentStatus,    CHECKED_IN,       MISSED,           LATE
            AppointmentStatus,    MISSED,           RESCHEDULED,      LATE
            AppointmentStatus,    BOOKED,           AT_DOCK,          APPLY
            AppointmentStatus,    AT_DOCK,          UNLOADING,        APPLY
            AppointmentStatus,    UNLOADING,        LOADING,          ILLEGAL
            AppointmentStatus,    LOADING,          UNLOADING,        ILLEGAL
            AppointmentStatus,    UNLOADING,        COMPLETED,        APPLY
            AppointmentStatus,    COMPLETED,        UNLOADING,        LATE
            AppointmentStatus,    CHECKED_IN,       CHECKED_OUT,      APPLY
            AppointmentStatus,    CHECKED_OUT,      AT_DOCK,          LATE
            AppointmentStatus,    CHECKED_OUT,      CHECKED_OUT,      SAME
            ShipmentStatus,       CREATED,          LABELLED,         APPLY
            ShipmentStatus,       CREATED,          IN_TRANSIT,       APPLY
            ShipmentStatus,       DISPATCHED,       DELIVERED,        APPLY
            ShipmentStatus,       IN_TRANSIT,       IN_TRANSIT,       SAME
            ShipmentStatus,       DELIVERED,        IN_TRANSIT,       LATE
            ShipmentStatus,       IN_TRANSIT,       EXCEPTION,        APPLY
            ShipmentStatus,       EXCEPTION,        IN_TRANSIT,       LATE
            ShipmentStatus,       EXCEPTION,        DELIVERED,        APPLY
            ShipmentStatus,       EXCEPTION,        RETURN_INITIATED, APPLY
            ShipmentStatus,       DELIVERED,        EXCEPTION,        LATE
            ShipmentStatus,       RETURN_INITIATED, RETURNED,         APPLY
            ShipmentStatus,       RETURNED,         DELIVERED,        LATE
            CarrierInvoiceStatus, RECEIVED,         MATCHED,          APPLY
            CarrierInvoiceStatus, RECEIVED,         DISPUTED,         APPLY
            CarrierInvoiceStatus, DISPUTED,         MATCHED,          APPLY
            CarrierInvoiceStatus, MATCHED,          DISPUTED,         LATE
            CarrierInvoiceStatus, MATCHED,          RECEIVED,         LATE
            """)
    void answers(String model, String current, String incoming, StatusChange expected) {
        assertThat(answer(model, current, incoming)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: holding {1}, {2} leaves {3}")
    @CsvSource(textBlock = """
            OrderStatus,       ,           RELEASED,   RELEASED
            OrderStatus,       RECEIVED,   RELEASED,   RELEASED
            OrderStatus,       RELEASED,   ACCEPTED,   RELEASED
            OrderStatus,       CANCELLED,  REJECTED,   CANCELLED
            OrderStatus,       CANCELLED,  CANCELLED,  CANCELLED
            ShipmentStatus,    DELIVERED,  IN_TRANSIT, DELIVERED
            ShipmentStatus,    IN_TRANSIT, DELIVERED,  DELIVERED
            AppointmentStatus, LOADING,    UNLOADING,  LOADING
            """)
    void after(String model, String current, String incoming, String expected) {
        assertThat(after(model, current, incoming)).hasToString(expected);
    }

    private static StatusChange answer(String model, String current, String incoming) {
        return switch (model) {
            case "OrderStatus" -> OrderStatus.valueOf(current).answer(OrderStatus.valueOf(incoming));
            case "AppointmentStatus" -> AppointmentStatus.valueOf(current).answer(AppointmentStatus.valueOf(incoming));
            case "ShipmentStatus" -> ShipmentStatus.valueOf(current).answer(ShipmentStatus.valueOf(incoming));
            case "CarrierInvoiceStatus" -> CarrierInvoiceStatus.valueOf(current)
                    .answer(CarrierInvoiceStatus.valueOf(incoming));
            default -> throw new IllegalArgumentException(model);
        };
    }

    private static Status<?> after(String model, String current, String incoming) {
        return switch (model) {
            case "OrderStatus" -> Status.after(current == null ? null : OrderStatus.valueOf(current),
                    OrderStatus.valueOf(incoming));
            case "AppointmentStatus" -> Status.after(current == null ? null : AppointmentStatus.valueOf(current),
                    AppointmentStatus.valueOf(incoming));
            case "ShipmentStatus" -> Status.after(current == null ? null : ShipmentStatus.valueOf(current),
                    ShipmentStatus.valueOf(incoming));
            default -> throw new IllegalArgumentException(model);
        };
    }
}
