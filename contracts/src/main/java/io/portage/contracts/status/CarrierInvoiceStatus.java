package io.portage.contracts.status;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;

/**
 * The status of a carrier invoice (subject = carrier invoice id) from {@code portage.finance}. A disputed invoice is
 * matched once the dispute is settled; a dispute that arrives after the match is late and needs a person.
 */
public enum CarrierInvoiceStatus implements Status<CarrierInvoiceStatus> {

    RECEIVED(10), DISPUTED(20), MATCHED(30);

    private static final Map<EventType, CarrierInvoiceStatus> BY_EVENT = Map.of(
            EventCatalog.CARRIER_INVOICE_RECEIVED_V1, RECEIVED,
            EventCatalog.CARRIER_INVOICE_DISPUTED_V1, DISPUTED,
            EventCatalog.CARRIER_INVOICE_MATCHED_V1, MATCHED);

    private final int rank;

    CarrierInvoiceStatus(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public Set<CarrierInvoiceStatus> next() {
        return switch (this) {
            case RECEIVED -> Set.of(DISPUTED, MATCHED);
            case DISPUTED -> Set.of(MATCHED);
            case MATCHED -> Set.of();
        };
    }

    /** The status an event of this type implies; empty for types that do not change a carrier invoice's status. */
    public static Optional<CarrierInvoiceStatus> of(EventType type) {
        return Optional.ofNullable(BY_EVENT.get(type));
    }
}
