package io.portage.shipment.messaging;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.warehouse.ShipConfirmed;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.shipment.domain.ShipmentLine;
import io.portage.shipment.service.ShipConfirmation;
import io.portage.shipment.service.ShipConfirmations;
import io.smallrye.mutiny.Uni;

/**
 * Consumer {@value #CONSUMER} of {@code portage.warehouse}: each ShipConfirmed (a 3PL's 945, relayed by edi-gateway)
 * dispatches its order's labelled shipment through {@link ShipConfirmations}, once (the inbox); other warehouse types:
 * nothing. Unordered: an advice applied finds its shipment dispatched.
 */
@Singleton
public class ShipConfirmedHandler extends OneTypeHandler<ShipConfirmed, ShipConfirmation> {

    public static final String CONSUMER = "shipment-service.ship-confirmed";

    private final ShipConfirmations confirmations;

    public ShipConfirmedHandler(ShipConfirmations confirmations, ObjectMapper json) {
        super(CONSUMER, EventCatalog.SHIP_CONFIRMED_V1, ShipConfirmed.class, json);
        this.confirmations = confirmations;
    }

    @Override
    protected ShipConfirmation item(SequencedEvent event, ShipConfirmed confirmed) {
        if (confirmed.orderId() == null) {
            throw new IllegalArgumentException("ShipConfirmed without orderId");
        }
        UUID orderId;
        try {
            orderId = UUID.fromString(confirmed.orderId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ShipConfirmed orderId is not a UUID: " + confirmed.orderId());
        }
        List<ShipmentLine> shipped = confirmed.lines() == null
                ? List.of()
                : confirmed.lines().stream().filter(Objects::nonNull).map(ShipConfirmedHandler::shipped).toList();
        return new ShipConfirmation(event.eventId(), orderId, confirmed.carrier(), confirmed.trackingNumber(),
                shipped, confirmed.shippedAt());
    }

    private static ShipmentLine shipped(ShipConfirmed.Line line) {
        if (line.sku() == null || line.shippedQuantity() == null || line.shippedQuantity().signum() < 0) {
            throw new IllegalArgumentException("ShipConfirmed line " + line.lineNumber() + " without a SKU or a shipped"
                    + " quantity of at least 0");
        }
        return new ShipmentLine(line.sku(), line.shippedQuantity());
    }

    @Override
    public String inboxKey(ShipConfirmation confirmation) {
        return confirmation.eventId();
    }

    @Override
    public Uni<Applied<ShipConfirmation>> apply(List<ShipConfirmation> fresh) {
        return confirmations.apply(fresh).map(Applied::all);
    }
}
