package io.portage.edi.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.PartnerRole;
import io.portage.edi.domain.SentOrder;
import io.portage.edi.domain.ShippingOrder;
import io.portage.edi.domain.x12.ShippingOrder940;
import io.portage.edi.domain.x12.X12WriteException;
import io.portage.edi.repository.SentOrderRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Turns orders released to a 3PL into 940 Warehouse Shipping Orders in that 3PL's terms (its product codes, units and
 * warehouse code from its mappings), queued for its SFTP server; an order that cannot be written as a valid 940 is an
 * exception ({@value #REFUSED}) for operations, not a half-sent document.
 */
@ApplicationScoped
public class ShippingOrders {

    /** The consumer of {@code portage.orders}. */
    public static final String CONSUMER = "edi-gateway.orders";
    /** The exception type of a document that could not be written. */
    public static final String REFUSED = "edi.document-refused";

    private static final int MAX_REFERENCE = 22;

    private final PartnerDirectory partners;
    private final Documents documents;
    private final SentOrderRepository sentOrders;
    private final ExceptionQueue exceptions;
    private final Clock clock = Clock.systemUTC();

    public ShippingOrders(PartnerDirectory partners, Documents documents, SentOrderRepository sentOrders,
            ExceptionQueue exceptions) {
        this.partners = partners;
        this.documents = documents;
        this.sentOrders = sentOrders;
        this.exceptions = exceptions;
    }

    /** The 3PL an order is released to, when Portage sends it 940s. */
    public Optional<Partner> thirdPartyOf(OrderReleasedV2 order) {
        if (order.fulfiller() == null || order.fulfiller().type() != OrderReleasedV2.FulfillerType.THIRD_PARTY) {
            return Optional.empty();
        }
        return partners.find(order.fulfiller().id())
                .filter(partner -> partner.role() == PartnerRole.THIRD_PARTY_LOGISTICS)
                .filter(partner -> partner.exchanges(DocumentType.WAREHOUSE_SHIPPING_ORDER));
    }

    /** Queues a 940 for each order, in the caller's transaction; an order already sent is not sent again. */
    @WithSpan("ShippingOrders.send")
    public Uni<Integer> send(List<ReleasedOrder> orders) {
        return Multi.createFrom()
                .iterable(orders)
                .onItem()
                .transformToUniAndConcatenate(this::send)
                .collect()
                .asList()
                .map(List::size);
    }

    private Uni<Void> send(ReleasedOrder released) {
        OrderReleasedV2 order = released.order();
        Partner partner = thirdPartyOf(order).orElseThrow();
        String reference = depositorOrderNumber(order);
        return sentOrders.find(partner.id(), reference).chain(sent -> {
            if (sent != null) {
                return Uni.createFrom().voidItem();
            }
            ShippingOrder shippingOrder = map(order, reference, partner);
            return documents.queue(partner, DocumentType.WAREHOUSE_SHIPPING_ORDER, ShippingOrder940.of(shippingOrder),
                    released.correlationId(), order.orderId())
                    .chain(file -> sentOrders.persist(new SentOrder(partner.id(), reference, order.orderId(),
                            order.partnerId(), released.correlationId(), clock.instant())))
                    .replaceWithVoid()
                    .onFailure(X12WriteException.class)
                    .recoverWithUni(failure -> exceptions.raise(REFUSED, "ops", partner.id() + "|940|" + order.orderId(),
                            "The 940 for order " + order.orderId() + " to " + partner.id() + " was not written: "
                                    + failure.getMessage(),
                            "{\"orderId\":\"" + order.orderId() + "\",\"partnerId\":\"" + partner.id() + "\"}")
                            .replaceWithVoid());
        });
    }

    /** The order number the 3PL answers with: the ERP's order name, else the channel's id, else the order id's start. */
    static String depositorOrderNumber(OrderReleasedV2 order) {
        if (order.erp() != null && order.erp().name() != null && fits(order.erp().name())) {
            return order.erp().name();
        }
        if (order.externalId() != null && fits(order.externalId())) {
            return order.externalId();
        }
        return order.orderId().replace("-", "").substring(0, MAX_REFERENCE);
    }

    private static boolean fits(String reference) {
        return !reference.isBlank() && reference.length() <= MAX_REFERENCE;
    }

    static ShippingOrder map(OrderReleasedV2 order, String reference, Partner partner) {
        var address = order.shipTo().address();
        String qualifier = partner.mapping("product-qualifier", "VN");
        String unit = partner.mapping("uom", "EA");
        List<ShippingOrder.Line> lines = order.lines()
                .stream()
                .map(line -> new ShippingOrder.Line(line.lineNumber(), line.sku(), qualifier,
                        partner.mapping("sku." + line.sku(), line.sku()), line.quantity() == null
                                ? BigDecimal.ZERO
                                : line.quantity(),
                        unit))
                .toList();
        String purchaseOrder = order.externalId() != null && fits(order.externalId()) ? order.externalId() : null;
        return new ShippingOrder(order.orderId(), reference, purchaseOrder,
                partner.mapping("warehouse." + order.warehouse(), order.warehouse()),
                new ShippingOrder.ShipTo(order.shipTo().name(), address.street(), address.city(), address.postalCode(),
                        address.country()),
                order.shipBy() == null ? null : order.shipBy().atZone(ZoneOffset.UTC).toLocalDate(), lines);
    }
}
