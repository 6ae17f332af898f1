package io.portage.edi.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.EdiFile;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.x12.MappingException;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.smallrye.mutiny.Uni;

/**
 * Applies one valid received transaction set by its type, in the receiving transaction: everything a set needs is read
 * and looked up before anything is staged, so a set that cannot be used fails with a {@link MappingException} having
 * changed nothing.
 */
@ApplicationScoped
public class InboundSets {

    private final WarehouseAdvices warehouseAdvices;
    private final Acknowledgments acknowledgments;
    private final FreightInvoices freightInvoices;
    private final CarrierStatuses carrierStatuses;
    private final WarehouseReceipts warehouseReceipts;

    public InboundSets(WarehouseAdvices warehouseAdvices, Acknowledgments acknowledgments,
            FreightInvoices freightInvoices, CarrierStatuses carrierStatuses, WarehouseReceipts warehouseReceipts) {
        this.carrierStatuses = carrierStatuses;
        this.warehouseReceipts = warehouseReceipts;
        this.warehouseAdvices = warehouseAdvices;
        this.acknowledgments = acknowledgments;
        this.freightInvoices = freightInvoices;
    }

    /** The ids of the events the set produced. */
    public Uni<List<UUID>> apply(Partner partner, ReceivedInterchange.TransactionSet set, EdiFile file) {
        DocumentType type = DocumentType.ofCode(set.type())
                .filter(known -> known.direction() != DocumentType.Direction.OUT)
                .filter(partner::exchanges)
                .orElseThrow(() -> new MappingException(
                        "X12 " + set.type() + " is not a document Portage takes from " + partner.id()));
        return switch (type) {
            case WAREHOUSE_SHIPPING_ADVICE -> warehouseAdvices.shipped(partner, set, file);
            case WAREHOUSE_RECEIPT_ADVICE -> warehouseReceipts.received(partner, set, file.correlationId());
            case CARRIER_SHIPMENT_STATUS -> carrierStatuses.received(partner, set, file.correlationId());
            case FREIGHT_INVOICE -> freightInvoices.received(partner, set, file.correlationId());
            case FUNCTIONAL_ACKNOWLEDGMENT -> acknowledgments.received(partner, set).replaceWith(List.of());
            default -> throw new MappingException("X12 " + set.type() + " is not applied by this version of edi-gateway");
        };
    }
}
