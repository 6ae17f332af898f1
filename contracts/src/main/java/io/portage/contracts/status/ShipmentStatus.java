package io.portage.contracts.status;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;

/**
 * The status of a shipment (subject = shipment id) from {@code portage.shipments}. The statuses form one line: an
 * exception holds until the shipment is delivered or returned (tracking scans after it are late), and nothing is
 * illegal, only late.
 */
public enum ShipmentStatus implements Status<ShipmentStatus> {

    CREATED(10), LABELLED(20), DISPATCHED(30), IN_TRANSIT(40), EXCEPTION(50), DELIVERED(60), RETURN_INITIATED(70), RETURNED(80);

    private static final Map<EventType, ShipmentStatus> BY_EVENT = Map.of(
            EventCatalog.LABEL_GENERATED_V2, LABELLED,
            EventCatalog.SHIPMENT_CREATED_V1, CREATED,
            EventCatalog.LABEL_GENERATED_V1, LABELLED,
            EventCatalog.SHIPMENT_DISPATCHED_V1, DISPATCHED,
            EventCatalog.TRACKING_UPDATED_V1, IN_TRANSIT,
            EventCatalog.DELIVERY_EXCEPTION_REPORTED_V1, EXCEPTION,
            EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1, DELIVERED,
            EventCatalog.RETURN_INITIATED_V1, RETURN_INITIATED,
            EventCatalog.RETURN_RECEIVED_V1, RETURNED);

    private final int rank;

    ShipmentStatus(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public Set<ShipmentStatus> next() {
        return switch (this) {
            case CREATED -> Set.of(LABELLED);
            case LABELLED -> Set.of(DISPATCHED);
            case DISPATCHED -> Set.of(IN_TRANSIT, EXCEPTION, DELIVERED);
            case IN_TRANSIT -> Set.of(EXCEPTION, DELIVERED);
            case EXCEPTION -> Set.of(DELIVERED, RETURN_INITIATED);
            case DELIVERED -> Set.of(RETURN_INITIATED);
            case RETURN_INITIATED -> Set.of(RETURNED);
            case RETURNED -> Set.of();
        };
    }

    /** The status an event of this type implies; empty for types that do not change a shipment's status. */
    public static Optional<ShipmentStatus> of(EventType type) {
        return Optional.ofNullable(BY_EVENT.get(type));
    }
}
