package io.portage.edi.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.order.OrderReceived;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.contracts.warehouse.PackConfirmed;
import io.portage.edi.domain.CustomerOrder;
import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.PackedParcel;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.PartnerRole;
import io.portage.edi.domain.ShipNotice;
import io.portage.edi.domain.ShipNoticeRules;
import io.portage.edi.domain.ShipmentNotice;
import io.portage.edi.domain.ShippingOrder;
import io.portage.edi.domain.x12.ShipNotice856;
import io.portage.edi.domain.x12.X12WriteException;
import io.portage.edi.repository.CustomerOrderRepository;
import io.portage.edi.repository.ShipmentNoticeRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * 856 Ship Notices to the customers who want one ({@code role=CUSTOMER} with 856 among its documents; the customer is
 * the order's {@code partnerId}): keeps their orders from the release and their parcels from the pack, follows their
 * shipments from planned to dispatched, and at dispatch queues one 856 per shipment in the customer's own rules
 * ({@link ShipNoticeRules}); a notice that breaks its schema is an exception {@value ShippingOrders#REFUSED}.
 */
@ApplicationScoped
public class ShipNotices {

    private final PartnerDirectory partners;
    private final Documents documents;
    private final CustomerOrderRepository orders;
    private final ShipmentNoticeRepository notices;
    private final ExceptionQueue exceptions;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public ShipNotices(PartnerDirectory partners, Documents documents, CustomerOrderRepository orders,
            ShipmentNoticeRepository notices, ExceptionQueue exceptions, ObjectMapper json) {
        this.partners = partners;
        this.documents = documents;
        this.orders = orders;
        this.notices = notices;
        this.exceptions = exceptions;
        this.json = json;
    }

    /** The customer behind {@code partnerId} when it wants 856s. */
    public Optional<Partner> customer(String partnerId) {
        return Optional.ofNullable(partnerId)
                .flatMap(partners::find)
                .filter(partner -> partner.role() == PartnerRole.CUSTOMER)
                .filter(partner -> partner.exchanges(DocumentType.SHIP_NOTICE));
    }

    /** Keeps each customer's order released (once), and notices its shipments dispatched before it arrived. */
    @WithSpan("ShipNotices.released")
    public Uni<Void> released(List<ReleasedOrder> released) {
        return Multi.createFrom()
                .iterable(released)
                .onItem()
                .transformToUniAndConcatenate(this::released)
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private Uni<Void> released(ReleasedOrder released) {
        OrderReleasedV2 order = released.order();
        Partner customer = customer(order.partnerId()).orElseThrow();
        return orders.findById(order.orderId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            CustomerOrder kept = new CustomerOrder(order.orderId(), customer.id(), order.externalId(),
                    order.erp() != null && order.erp().name() != null ? order.erp().name() : order.externalId(),
                    write(order.shipTo()), write(order.lines()), released.correlationId(), clock.instant());
            return orders.persist(kept)
                    .chain(() -> notices.waitingFor(order.orderId()))
                    .chain(waiting -> Multi.createFrom()
                            .iterable(waiting)
                            .onItem()
                            .transformToUniAndConcatenate(notice -> send(customer, notice, kept))
                            .collect()
                            .asList())
                    .replaceWithVoid();
        });
    }

    /** Applies facts about shipments and packs, in delivery order, in the caller's transaction. */
    @WithSpan("ShipNotices.apply")
    public Uni<Integer> apply(List<ShipmentFact> facts) {
        return Multi.createFrom()
                .iterable(facts)
                .onItem()
                .transformToUniAndConcatenate(this::apply)
                .collect()
                .asList()
                .map(List::size);
    }

    private Uni<Void> apply(ShipmentFact fact) {
        return switch (fact) {
            case ShipmentFact.Created created -> planned(created);
            case ShipmentFact.Dispatched dispatched -> dispatched(dispatched);
            case ShipmentFact.Packed packed -> packed(packed.event());
        };
    }

    private Uni<Void> planned(ShipmentFact.Created fact) {
        var event = fact.event();
        Optional<Partner> customer = customer(event.partnerId());
        if (customer.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return notices.findById(event.shipmentId())
                .chain(known -> known != null
                        ? Uni.createFrom().voidItem()
                        : notices.persist(new ShipmentNotice(event.shipmentId(), event.orderId(), customer.get().id(),
                                clock.instant())).replaceWithVoid());
    }

    private Uni<Void> dispatched(ShipmentFact.Dispatched fact) {
        var event = fact.event();
        return notices.findById(event.shipmentId()).chain(notice -> {
            if (notice == null || !notice.dispatched(event.carrier(), event.trackingNumber(), event.parcels(),
                    event.dispatchedAt())) {
                return Uni.createFrom().voidItem();
            }
            Optional<Partner> customer = partners.find(notice.partnerId());
            if (customer.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return orders.findById(notice.orderId()).chain(order -> {
                if (order == null) {
                    Log.infof("Shipment %s dispatched before order %s was received: its 856 waits for the order",
                            notice.shipmentId(), notice.orderId());
                    return Uni.createFrom().voidItem();
                }
                return send(customer.get(), notice, order);
            });
        });
    }

    private Uni<Void> packed(PackConfirmed event) {
        if (event.parcels() == null || event.parcels().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Kept whether or not the order's release has been read: the release comes on another topic to another
        // consumer, in any order with the packs. An order whose customer wants no 856 never reads them.
        return Multi.createFrom()
                .iterable(event.parcels())
                .filter(parcel -> parcel.sscc() != null && parcel.lines() != null)
                .onItem()
                .transformToUniAndConcatenate(
                        parcel -> notices.pack(new PackedParcel(event.orderId(), parcel.sscc(), write(parcel.lines()))))
                .collect()
                .asList()
                .replaceWithVoid();
    }

    private Uni<Void> send(Partner customer, ShipmentNotice notice, CustomerOrder order) {
        ShipNoticeRules rules = ShipNoticeRules.of(customer.mappings());
        return notices.packs(order.orderId()).chain(packs -> {
            ShipNotice shipNotice = notice(customer, notice, order, packs);
            return documents.queue(customer, DocumentType.SHIP_NOTICE, ShipNotice856.of(shipNotice, rules),
                    order.correlationId(), notice.shipmentId())
                    .invoke(file -> notice.sent(file.id()))
                    .replaceWithVoid()
                    .onFailure(X12WriteException.class)
                    .recoverWithUni(failure -> {
                        notice.sent(null);
                        return exceptions.raise(ShippingOrders.REFUSED, "ops",
                                customer.id() + "|856|" + notice.shipmentId(),
                                "The 856 for shipment " + notice.shipmentId() + " to " + customer.id()
                                        + " was not written: " + failure.getMessage(),
                                "{\"shipmentId\":\"" + notice.shipmentId() + "\",\"partnerId\":\"" + customer.id()
                                        + "\"}")
                                .replaceWithVoid();
                    });
        });
    }

    /** The notice in the customer's terms: its product codes, qualifier, unit and carrier codes from its mappings. */
    ShipNotice notice(Partner customer, ShipmentNotice notice, CustomerOrder order, List<PackedParcel> packs) {
        List<OrderReleasedV2.Line> lines = Arrays.asList(read(order.lines(), OrderReleasedV2.Line[].class));
        Map<String, Integer> lineOf = lines.stream()
                .collect(Collectors.toMap(OrderReleasedV2.Line::sku, OrderReleasedV2.Line::lineNumber, (a, b) -> a));
        String qualifier = customer.mapping("product-qualifier", "VN");
        String unit = customer.mapping("uom", "EA");
        List<ShipNotice.Item> items = lines.stream()
                .map(line -> new ShipNotice.Item(line.lineNumber(), qualifier,
                        customer.mapping("sku." + line.sku(), line.sku()),
                        line.quantity() == null ? BigDecimal.ZERO : line.quantity(), unit))
                .toList();
        List<ShipNotice.Pack> shipped = packs.stream()
                .map(pack -> new ShipNotice.Pack(pack.sscc(),
                        Arrays.stream(read(pack.lines(), PackConfirmed.Line[].class))
                                .map(line -> new ShipNotice.Item(lineOf.getOrDefault(line.sku(), 0), qualifier,
                                        customer.mapping("sku." + line.sku(), line.sku()), line.quantity(), unit))
                                .toList()))
                .toList();
        OrderReceived.Customer shipTo = read(order.shipTo(), OrderReceived.Customer.class);
        var address = shipTo.address();
        String carrier = notice.carrier() == null ? "" : notice.carrier();
        String shipmentNumber = notice.shipmentId().replace("-", "");
        return new ShipNotice(shipmentNumber.length() > 30 ? shipmentNumber.substring(0, 30) : shipmentNumber,
                notice.dispatchedAt() == null ? clock.instant() : notice.dispatchedAt(),
                customer.mapping("scac." + carrier, carrier), notice.tracking(), notice.parcels(),
                new ShippingOrder.ShipTo(shipTo.name(), address.street(), address.city(), address.postalCode(),
                        address.country()),
                order.purchaseOrder(), order.orderName(), order.purchaseOrder(), shipped, items);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("edi-gateway's own record is unreadable as " + type.getSimpleName(), e);
        }
    }
}
