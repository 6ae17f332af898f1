package io.portage.finance.messaging;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.finance.service.InvoiceFact;
import io.portage.finance.service.InvoiceRelease;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value #CONSUMER} of {@code portage.orders}: each OrderReleased (v2) tells the invoice release the
 * order's customer and Odoo sale order (once, the kit's inbox); the other order events are not finance's. Release and
 * shipment facts are kept in whatever order they come, so the events are applied as they arrive.
 */
@Singleton
public class OrderEventsHandler extends OneTypeHandler<OrderReleasedV2, InvoiceFact.Released> {

    /** The consumer's name for the inbox, dead letters and metrics. */
    public static final String CONSUMER = "finance-service.orders";
    private static final String SALE_ORDER = "sale.order/";

    private final InvoiceRelease release;

    public OrderEventsHandler(InvoiceRelease release, ObjectMapper json) {
        super(CONSUMER, EventCatalog.ORDER_RELEASED_V2, OrderReleasedV2.class, json);
        this.release = release;
    }

    @Override
    protected InvoiceFact.Released item(SequencedEvent event, OrderReleasedV2 order) {
        if (order.orderId() == null || order.erp() == null || order.erp().erpRef() == null
                || !order.erp().erpRef().matches(SALE_ORDER + "[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("OrderReleased v2 without an orderId or an erp.erpRef sale.order/<id>");
        }
        return new InvoiceFact.Released(event.eventId(),
                event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), order.orderId(), order.partnerId(),
                Long.parseLong(order.erp().erpRef().substring(SALE_ORDER.length())));
    }

    @Override
    public String inboxKey(InvoiceFact.Released item) {
        return item.eventId();
    }

    @Override
    public Uni<Applied<InvoiceFact.Released>> apply(List<InvoiceFact.Released> fresh) {
        return release.apply(fresh).map(Applied::all);
    }
}
