package io.portage.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.kit.ops.AuditLog;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderStatus;
import io.portage.order.domain.SkuMapping;
import io.portage.order.repository.OrderRepository;
import io.portage.order.repository.SkuMappingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A channel's SKU mapping table. Setting a mapping checks the channel's orders held for that SKU again: those that now
 * pass are accepted and queued for Odoo, and their exceptions closed, in the same transaction.
 */
@ApplicationScoped
public class SkuMappingService {

    private final SkuMappingRepository mappings;
    private final OrderRepository orders;
    private final OrderChecks checks;
    private final OrderEvents events;
    private final ExceptionQueue exceptions;
    private final AuditLog audit;
    private final OdooHandOver handOver;
    private final OrderConfig config;
    private final Clock clock = Clock.systemUTC();

    public SkuMappingService(SkuMappingRepository mappings, OrderRepository orders, OrderChecks checks,
            OrderEvents events, ExceptionQueue exceptions, AuditLog audit, OdooHandOver handOver,
            OrderConfig config) {
        this.mappings = mappings;
        this.orders = orders;
        this.checks = checks;
        this.events = events;
        this.exceptions = exceptions;
        this.audit = audit;
        this.handOver = handOver;
        this.config = config;
    }

    /** What setting a mapping did: the mapping, and the held orders it released into the queue. */
    public record Mapped(SkuMapping mapping, List<Order> accepted) {
    }

    public Uni<List<SkuMapping>> list(String channel) {
        return Panache.withSession(() -> mappings.list(channel));
    }

    public Uni<Mapped> put(String channel, String channelSku, String sku, String actor, String correlationId) {
        Instant now = clock.instant();
        SkuMapping mapping = new SkuMapping(channel, channelSku, sku, now, actor);
        return Panache.withTransaction(() -> mappings.put(mapping)
                .chain(() -> audit.record(actor, "sku-mapping.put", "channel:" + channel + "/" + channelSku, "done",
                        "maps to " + sku, correlationId))
                .chain(() -> orders.find("""
                        select distinct o from Order o join o.lines l
                        where o.intake.channel = ?1 and o.status = ?2 and l.sku = ?3 order by o.intake.receivedAt""",
                        channel,
                        OrderStatus.ON_HOLD, channelSku).page(0, 500).list())
                .chain(held -> recheck(held, actor, correlationId, now)))
                .map(accepted -> new Mapped(mapping, accepted))
                .invoke(mapped -> {
                    if (!mapped.accepted().isEmpty()) {
                        handOver.wake();
                    }
                });
    }

    /** Checks each held order again, one after the other (one session); answers those accepted. */
    private Uni<List<Order>> recheck(List<Order> held, String actor, String correlationId, Instant now) {
        Uni<List<Order>> chain = Uni.createFrom().<List<Order>>item(new ArrayList<>());
        for (Order order : held) {
            chain = chain.chain(accepted -> checks.mapAndCheck(order).chain(unknown -> {
                if (!unknown.isEmpty()) {
                    order.hold(OrderChecks.holdReason(order, unknown), now, "sku-mapping");
                    return checks.raiseUnknownSkus(order, unknown).replaceWith(accepted);
                }
                boolean first = !order.history().wasAccepted();
                order.accept(now, config.shipWithin(), "sku-mapping");
                accepted.add(order);
                return (first ? events.orderAccepted(order, now).replaceWithVoid() : Uni.createFrom().voidItem())
                        .chain(() -> exceptions.settle(OrderChecks.UNKNOWN_SKU, order.id().toString(), actor,
                                "SKU mapped for channel " + order.intake().channel(), correlationId))
                        .replaceWith(accepted);
            }));
        }
        return chain.map(List::copyOf);
    }
}
