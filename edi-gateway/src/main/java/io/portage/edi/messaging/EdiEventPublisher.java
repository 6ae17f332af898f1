package io.portage.edi.messaging;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.finance.CarrierInvoiceReceived;
import io.portage.contracts.shipment.CarrierStatusReported;
import io.portage.contracts.warehouse.ReceiptAdvised;
import io.portage.contracts.warehouse.ShipConfirmed;
import io.portage.edi.service.EdiEvents;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.smallrye.mutiny.Uni;

/** Stages edi-gateway's canonical events in its outbox (source {@code urn:portage:edi-gateway}). */
@ApplicationScoped
public class EdiEventPublisher implements EdiEvents {

    static final URI SOURCE = URI.create("urn:portage:edi-gateway");

    private final Outbox outbox;

    public EdiEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<UUID> shipConfirmed(ShipConfirmed event, String partnerId, String correlationId, long sequence) {
        return outbox.stage(EventCatalog.SHIP_CONFIRMED_V1, event,
                new EventEnvelope(SOURCE, event.orderId(), event.shippedAt(), correlationId, partnerId, sequence));
    }

    @Override
    public Uni<UUID> carrierInvoiceReceived(CarrierInvoiceReceived event, String correlationId) {
        return outbox.stage(EventCatalog.CARRIER_INVOICE_RECEIVED_V1, event,
                new EventEnvelope(SOURCE, event.carrierInvoiceId(), event.receivedAt(), correlationId, null, 1));
    }

    @Override
    public Uni<UUID> receiptAdvised(ReceiptAdvised event, String correlationId) {
        return outbox.stage(EventCatalog.RECEIPT_ADVISED_V1, event,
                new EventEnvelope(SOURCE, event.receiptId(), event.receivedAt(), correlationId, null, 1));
    }

    @Override
    public Uni<UUID> carrierStatusReported(CarrierStatusReported event, String correlationId, long sequence) {
        return outbox.stage(EventCatalog.CARRIER_STATUS_REPORTED_V1, event,
                new EventEnvelope(SOURCE, event.trackingNumber(), event.statusAt(), correlationId, null, sequence));
    }
}
