package io.portage.edi.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.edi.service.ReleasedOrder;
import io.portage.edi.service.ShipNotices;
import io.portage.edi.service.ShippingOrders;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value ShippingOrders#CONSUMER} of {@code portage.orders}: each OrderReleased (v2) to a 3PL configured
 * for 940s becomes a 940 for that 3PL (once, the kit's inbox), and one of a customer who wants 856s is kept for its
 * ship notices; every other event only moves the order's position on.
 */
@ApplicationScoped
public class OrderEventsHandler implements BatchHandler<ReleasedOrder> {

    private static final String ORDER_RELEASED = EventCatalog.ORDER_RELEASED_V2.type();

    private final ShippingOrders shippingOrders;
    private final ShipNotices shipNotices;
    private final ObjectMapper json;

    public OrderEventsHandler(ShippingOrders shippingOrders, ShipNotices shipNotices, ObjectMapper json) {
        this.shippingOrders = shippingOrders;
        this.shipNotices = shipNotices;
        this.json = json;
    }

    @Override
    public String consumer() {
        return ShippingOrders.CONSUMER;
    }

    @Override
    public List<ReleasedOrder> read(SequencedEvent event) {
        if (!ORDER_RELEASED.equals(event.type())) {
            return List.of();
        }
        OrderReleasedV2 order = event.data(json, OrderReleasedV2.class);
        if (order.orderId() == null || order.fulfiller() == null) {
            throw new IllegalArgumentException("OrderReleased without " + (order.orderId() == null ? "orderId" : "fulfiller"));
        }
        if (shippingOrders.thirdPartyOf(order).isEmpty() && shipNotices.customer(order.partnerId()).isEmpty()) {
            return List.of();
        }
        String missing = order.shipTo() == null || order.shipTo().address() == null
                ? "shipTo.address"
                : order.lines() == null || order.lines().isEmpty() ? "lines (at least one)" : null;
        if (missing != null) {
            throw new IllegalArgumentException("OrderReleased without " + missing);
        }
        String correlationId = event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID);
        return List.of(new ReleasedOrder(event.eventId(), correlationId, order));
    }

    @Override
    public String inboxKey(ReleasedOrder order) {
        return order.eventId();
    }

    @Override
    public Uni<Applied<ReleasedOrder>> apply(List<ReleasedOrder> fresh) {
        List<ReleasedOrder> toThirdParties = fresh.stream()
                .filter(released -> shippingOrders.thirdPartyOf(released.order()).isPresent())
                .toList();
        List<ReleasedOrder> ofCustomers = fresh.stream()
                .filter(released -> shipNotices.customer(released.order().partnerId()).isPresent())
                .toList();
        return shippingOrders.send(toThirdParties).call(() -> shipNotices.released(ofCustomers)).map(Applied::all);
    }
}
