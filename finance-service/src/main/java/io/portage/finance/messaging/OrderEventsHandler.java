package io.portage.finance.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.finance.service.InvoiceFact;
import io.portage.finance.service.InvoiceRelease;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value #CONSUMER} of {@code portage.orders}: each OrderReleased (v2) tells the invoice release the
 * order's customer and Odoo sale order (once, the kit's inbox); the other order events are not finance's. Release and
 * shipment facts are kept in whatever order they come, so the events are applied as they arrive.
 */
@ApplicationScoped
public class OrderEventsHandler implements BatchHandler<InvoiceFact.Released> {

    /** The consumer's name for the inbox, dead letters and metrics. */
    public static final String CONSUMER = "finance-service.orders";
    private static final String ORDER_RELEASED = EventCatalog.ORDER_RELEASED_V2.type();
    private static final String SALE_ORDER = "sale.order/";

    private final InvoiceRelease release;
    private final ObjectMapper json;

    public OrderEventsHandler(InvoiceRelease release, ObjectMapper json) {
        this.release = release;
        this.json = json;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public List<InvoiceFact.Released> read(SequencedEvent event) {
        if (!ORDER_RELEASED.equals(event.type())) {
            return List.of();
        }
        OrderReleasedV2 order = event.data(json, OrderReleasedV2.class);
        if (order.orderId() == null || order.erp() == null || order.erp().erpRef() == null
                || !order.erp().erpRef().matches(SALE_ORDER + "[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("OrderReleased v2 without an orderId or an erp.erpRef sale.order/<id>");
        }
        return List.of(new InvoiceFact.Released(event.eventId(),
                event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), order.orderId(), order.partnerId(),
                Long.parseLong(order.erp().erpRef().substring(SALE_ORDER.length()))));
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
