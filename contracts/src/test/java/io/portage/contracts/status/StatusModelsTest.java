package io.portage.contracts.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;

/** The shape of every status model, and which event types imply which status. */
class StatusModelsTest {

    /** Catalogued types that change no status: overlays (detention), lines, and finance documents with no model yet. */
    private static final Set<EventType> NO_STATUS = Set.of(
            EventCatalog.ORDER_CHANGED_V1,
            EventCatalog.SHIPMENT_CANCELLED_V1,
            EventCatalog.RETURN_LABEL_GENERATED_V1,
            EventCatalog.ERP_ORDER_CONFIRMED_V1,
            EventCatalog.ERP_ORDER_CANCELLED_V1,
            EventCatalog.ERP_PICKING_DONE_V1,
            EventCatalog.ERP_INVOICE_POSTED_V1,
            EventCatalog.APPOINTMENT_AT_RISK_V1,
            EventCatalog.DETENTION_STARTED_V1,
            EventCatalog.DETENTION_CHARGED_V1,
            EventCatalog.DETENTION_CHARGED_V2,
            EventCatalog.RECEIPT_LINE_CONFIRMED_V1,
            EventCatalog.SHIP_CONFIRMED_V1,
            EventCatalog.RECEIPT_ADVISED_V1,
            EventCatalog.CARRIER_STATUS_REPORTED_V1,
            EventCatalog.YARD_SCAN_RECORDED_V1,
            EventCatalog.FREIGHT_CHARGE_CONFIRMED_V1,
            EventCatalog.FREIGHT_ACCRUED_V1,
            EventCatalog.INVOICE_RELEASED_V1,
            EventCatalog.REFUND_RELEASED_V1);

    @Test
    void everyTransitionRaisesTheRankAndEverythingIsReachableFromOneInitialStatus() {
        for (Model<?> model : Model.ALL) {
            checkShape(model);
        }
    }

    private static <S extends Enum<S> & Status<S>> void checkShape(Model<S> model) {
        for (S status : model.statuses()) {
            for (S next : status.next()) {
                assertThat(next.rank()).as("%s %s -> %s", model, status, next).isGreaterThan(status.rank());
            }
        }
        assertThat(model.initial()).as(model + " initial statuses").hasSize(1);
        S initial = model.initial().get(0);
        assertThat(model.statuses()).as(model + " reachable from " + initial)
                .allMatch(status -> status == initial || initial.leadsTo(status));
        assertThat(model.statuses()).as(model + " terminal statuses").anyMatch(Status::terminal);
    }

    @Test
    void answersAreConsistentBothWaysForEveryPair() {
        for (Model<?> model : Model.ALL) {
            checkPairs(model);
        }
    }

    private static <S extends Enum<S> & Status<S>> void checkPairs(Model<S> model) {
        for (S held : model.statuses()) {
            for (S incoming : model.statuses()) {
                StatusChange answer = held.answer(incoming);
                StatusChange reverse = incoming.answer(held);
                String pair = model + " " + held + " then " + incoming;
                switch (answer) {
                    case SAME -> assertThat(incoming).as(pair).isEqualTo(held);
                    case APPLY -> {
                        assertThat(reverse).as(pair).isEqualTo(StatusChange.LATE);
                        assertThat(incoming.rank()).as(pair).isGreaterThan(held.rank());
                        assertThat(held.terminal()).as(pair + ": nothing applies after a terminal status").isFalse();
                    }
                    case LATE -> assertThat(reverse).as(pair).isEqualTo(StatusChange.APPLY);
                    case ILLEGAL -> assertThat(reverse).as(pair).isEqualTo(StatusChange.ILLEGAL);
                }
            }
        }
        assertThatThrownBy(() -> model.statuses().get(0).answer(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyCataloguedTypeImpliesOneStatusOrIsKnownToImplyNone() {
        for (EventType type : EventCatalog.all()) {
            List<String> implied = new ArrayList<>();
            for (Model<?> model : Model.ALL) {
                model.of().apply(type).ifPresent(status -> implied.add(model + "." + status));
            }
            if (NO_STATUS.contains(type)) {
                assertThat(implied).as(type.type() + " is listed as implying no status").isEmpty();
            } else {
                assertThat(implied).as(type.type() + " implies exactly one status (or add it to NO_STATUS)").hasSize(1);
            }
        }
    }

    @Test
    void eventsOfAModelCarryItsAggregateIdFirstAndImplyEachOfItsStatuses() {
        for (Model<?> model : Model.ALL) {
            checkMapping(model);
        }
    }

    private static <S extends Enum<S> & Status<S>> void checkMapping(Model<S> model) {
        Set<S> implied = new HashSet<>();
        for (EventType type : EventCatalog.all()) {
            Optional<S> status = model.of().apply(type);
            status.ifPresent(implied::add);
            if (status.isPresent()) {
                assertThat(type.dataClass().getRecordComponents()[0].getName()).as(model + " from " + type.type())
                        .isEqualTo(model.subject());
            }
        }
        assertThat(implied).as(model + " statuses some event implies").containsExactlyInAnyOrderElementsOf(model.statuses());
        assertThat(model.of().apply(new EventType("io.portage.order.received.v99", Object.class, "portage.orders")))
                .as("an uncatalogued version implies nothing")
                .isEmpty();
    }

    @Test
    void consumersReadTheStatusFromTheEventType() {
        assertThat(OrderStatus.of(EventCatalog.ORDER_CANCELLED_V1)).contains(OrderStatus.CANCELLED);
        assertThat(OrderStatus.of(EventCatalog.PICK_CONFIRMED_V1)).contains(OrderStatus.PICKED);
        assertThat(AppointmentStatus.of(EventCatalog.DOCK_ASSIGNED_V1)).contains(AppointmentStatus.AT_DOCK);
        assertThat(AppointmentStatus.of(EventCatalog.LOADING_COMPLETED_V1)).contains(AppointmentStatus.COMPLETED);
        assertThat(ShipmentStatus.of(EventCatalog.TRACKING_UPDATED_V1)).contains(ShipmentStatus.IN_TRANSIT);
        assertThat(ShipmentStatus.of(EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1)).contains(ShipmentStatus.DELIVERED);
        assertThat(CarrierInvoiceStatus.of(EventCatalog.CARRIER_INVOICE_DISPUTED_V1)).contains(CarrierInvoiceStatus.DISPUTED);
        assertThat(ShipmentStatus.of(EventCatalog.ORDER_RECEIVED_V1)).isEmpty();
    }
}
