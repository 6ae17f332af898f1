package io.portage.edi.service;

import java.util.UUID;

import io.portage.contracts.finance.CarrierInvoiceReceived;
import io.portage.contracts.shipment.CarrierStatusReported;
import io.portage.contracts.warehouse.ReceiptAdvised;
import io.portage.contracts.warehouse.ShipConfirmed;
import io.smallrye.mutiny.Uni;

/** The canonical events edi-gateway publishes (implemented in messaging/ through the outbox), in the caller's transaction. */
public interface EdiEvents {

    /** ShipConfirmed on {@code portage.warehouse}, subject = order id. */
    Uni<UUID> shipConfirmed(ShipConfirmed event, String partnerId, String correlationId, long sequence);

    /** CarrierInvoiceReceived on {@code portage.finance}, subject = carrier invoice id, sequence 1. */
    Uni<UUID> carrierInvoiceReceived(CarrierInvoiceReceived event, String correlationId);

    /** ReceiptAdvised on {@code portage.warehouse}, subject = receipt id, sequence 1. */
    Uni<UUID> receiptAdvised(ReceiptAdvised event, String correlationId);

    /** CarrierStatusReported on {@code portage.shipments}, subject = tracking number. */
    Uni<UUID> carrierStatusReported(CarrierStatusReported event, String correlationId, long sequence);
}
