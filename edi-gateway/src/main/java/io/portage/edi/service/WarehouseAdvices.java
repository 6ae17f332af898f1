package io.portage.edi.service;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.warehouse.ShipConfirmed;
import io.portage.edi.domain.EdiFile;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.ShippingAdvice;
import io.portage.edi.domain.x12.MappingException;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.ShippingAdvice945;
import io.portage.edi.repository.SentOrderRepository;
import io.smallrye.mutiny.Uni;

/**
 * A 3PL's 945 becomes a ShipConfirmed for the order its 940 carried (found by the depositor order number), with the
 * partner's product codes mapped back to Portage's SKUs.
 */
@ApplicationScoped
public class WarehouseAdvices {

    private final SentOrderRepository sentOrders;
    private final EdiEvents events;

    public WarehouseAdvices(SentOrderRepository sentOrders, EdiEvents events) {
        this.sentOrders = sentOrders;
        this.events = events;
    }

    public Uni<List<UUID>> shipped(Partner partner, ReceivedInterchange.TransactionSet set, EdiFile file) {
        ShippingAdvice advice = ShippingAdvice945.read(set);
        if (advice.lines().isEmpty()) {
            throw new MappingException("the 945 has no W12 line");
        }
        return sentOrders.find(partner.id(), advice.depositorOrderNumber()).chain(order -> {
            if (order == null) {
                throw new MappingException("W06 depositor order number " + advice.depositorOrderNumber()
                        + " is no order Portage sent to " + partner.id());
            }
            List<ShipConfirmed.Line> lines = advice.lines()
                    .stream()
                    .map(line -> new ShipConfirmed.Line(line.lineNumber(),
                            partner.skuOf(line.productId()), line.orderedQuantity(),
                            line.shippedQuantity() == null ? BigDecimal.ZERO : line.shippedQuantity()))
                    .toList();
            ShipConfirmed event = new ShipConfirmed(order.orderId(), partner.id(), advice.carrier(),
                    advice.trackingNumber(), advice.shipmentReference(), lines,
                    advice.shippedOn().atStartOfDay().toInstant(ZoneOffset.UTC));
            return events.shipConfirmed(event, order.orderPartnerId(), order.correlationId(), order.nextSequence())
                    .map(List::of);
        });
    }
}
