package io.portage.finance.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.config.InvoicingConfig;
import io.portage.finance.domain.InvoicePolicy;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.PartnerInvoicePolicy;
import io.portage.finance.domain.ShipmentFact;
import io.portage.finance.domain.ShipmentInvoice;
import io.portage.finance.repository.InvoicePolicyRepository;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.ShipmentFactRepository;
import io.portage.finance.repository.ShipmentInvoiceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Decides when an order's customer invoices may be made: the order released (its Odoo sale order known) and, under its
 * customer's policy, each shipment of it dispatched (AT_DISPATCH) or delivered (AT_POD) - one invoice per shipment - or
 * a finance person's release (MANUAL, or any policy). Facts are kept whatever order they arrive in, each once, and a
 * shipment's invoice is readied once, so a duplicated, late or reordered event never invoices twice or before its
 * trigger; {@link CustomerInvoicing} makes the ready ones in Odoo.
 */
@ApplicationScoped
public class InvoiceRelease {

    private final OrderInvoiceRepository invoices;
    private final ShipmentFactRepository facts;
    private final InvoicePolicyRepository policies;
    private final ShipmentInvoiceRepository shipmentInvoices;
    private final InvoicingConfig config;
    private final Clock clock = Clock.systemUTC();

    public InvoiceRelease(OrderInvoiceRepository invoices, ShipmentFactRepository facts, InvoicePolicyRepository policies,
            ShipmentInvoiceRepository shipmentInvoices, InvoicingConfig config) {
        this.shipmentInvoices = shipmentInvoices;
        this.invoices = invoices;
        this.facts = facts;
        this.policies = policies;
        this.config = config;
    }

    /** Keeps the facts (in the consumer's transaction) and readies the orders they complete; answers how many readied. */
    public Uni<Integer> apply(List<? extends InvoiceFact> fresh) {
        Set<String> orders = new LinkedHashSet<>();
        Set<String> shipments = new LinkedHashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (InvoiceFact fact : fresh) {
            chain = chain.chain(() -> keep(fact, orders, shipments));
        }
        return chain.chain(() -> shipments.isEmpty()
                ? Uni.createFrom().voidItem()
                : facts.ofShipments(shipments)
                        .invoke(known -> known.stream()
                                .filter(fact -> fact.kind() == ShipmentFact.Kind.CREATED && fact.orderId() != null)
                                .forEach(fact -> orders.add(fact.orderId())))
                        .replaceWithVoid())
                .chain(() -> evaluate(orders));
    }

    private Uni<Void> keep(InvoiceFact fact, Set<String> orders, Set<String> shipments) {
        if (fact instanceof InvoiceFact.Released released) {
            orders.add(released.orderId());
            return order(released.orderId()).invoke(invoice -> invoice.released(released.partnerId(),
                    released.saleOrderId(), released.eventId(), released.correlationId())).replaceWithVoid();
        }
        InvoiceFact.Shipment shipment = (InvoiceFact.Shipment) fact;
        Uni<Void> kept = facts.findById(new ShipmentFact.Key(shipment.shipmentId(), shipment.kind()))
                .chain(found -> found != null
                        ? Uni.createFrom().voidItem()
                        : facts.persist(new ShipmentFact(shipment.shipmentId(), shipment.kind(), shipment.orderId(),
                                shipment.eventId(), shipment.at())).replaceWithVoid());
        if (shipment.orderId() == null) {
            shipments.add(shipment.shipmentId());
            return kept;
        }
        orders.add(shipment.orderId());
        return kept.chain(() -> order(shipment.orderId()).invoke(invoice -> invoice.partner(shipment.partnerId())))
                .replaceWithVoid();
    }

    private Uni<OrderInvoice> order(String orderId) {
        return invoices.findById(orderId)
                .chain(found -> found != null ? Uni.createFrom().item(found) : invoices.persist(new OrderInvoice(orderId)));
    }

    /**
     * Readies, per released order, one invoice per shipment whose trigger under the customer's policy is known and that
     * has none yet (the earlier trigger when both are: a dispatch before its proof of delivery); answers how many.
     */
    private Uni<Integer> evaluate(Set<String> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int[] readied = {0};
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String orderId : orders) {
            chain = chain.chain(() -> invoices.findById(orderId).chain(invoice -> {
                if (invoice == null || invoice.saleOrderId() == null) {
                    return Uni.createFrom().voidItem();
                }
                return policy(invoice.partnerId()).chain(policy -> facts.ofOrders(List.of(orderId))
                        .chain(known -> shipmentInvoices.ofOrder(orderId).chain(made -> {
                            Set<String> invoiced = made.stream()
                                    .map(ShipmentInvoice::shipmentId)
                                    .collect(Collectors.toSet());
                            List<ShipmentFact> triggers = known.stream()
                                    .filter(fact -> policy.releasedBy(fact.kind()) && !invoiced.contains(fact.shipmentId()))
                                    .collect(Collectors.groupingBy(ShipmentFact::shipmentId, TreeMap::new,
                                            Collectors.minBy(Comparator.comparing(ShipmentFact::kind))))
                                    .values()
                                    .stream()
                                    .flatMap(Optional::stream)
                                    .toList();
                            List<ShipmentInvoice> fresh = new ArrayList<>();
                            for (ShipmentFact fact : triggers) {
                                if (invoice.trigger(fact.kind().name(), fact.eventId(), false)) {
                                    readied[0]++;
                                } else {
                                    invoice.anotherShipment();
                                }
                                fresh.add(new ShipmentInvoice(orderId, fact.shipmentId(), fact.kind().name(), fact.eventId(),
                                        false, clock.instant()));
                            }
                            return fresh.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : shipmentInvoices.persist(fresh).replaceWithVoid();
                        })))
                        .replaceWithVoid();
            }));
        }
        return chain.map(ignored -> readied[0]);
    }

    private Uni<InvoicePolicy> policy(String partnerId) {
        if (partnerId == null) {
            return Uni.createFrom().item(config.defaultPolicy());
        }
        return policies.findById(partnerId).map(found -> found != null ? found.policy() : config.defaultPolicy());
    }

    /** A customer's policy as set, or the default. */
    public Uni<InvoicePolicy> policyOf(String partnerId) {
        return Panache.withSession(() -> policy(partnerId));
    }

    @WithSpan("InvoiceRelease.setPolicy")
    public Uni<InvoicePolicy> setPolicy(String partnerId, InvoicePolicy policy, String actor) {
        return Panache.withTransaction(() -> policies.findById(partnerId).chain(found -> {
            PartnerInvoicePolicy row = found != null ? found : new PartnerInvoicePolicy(partnerId);
            row.set(policy, actor, clock.instant());
            return found != null ? Uni.createFrom().item(row) : policies.persist(row);
        })).map(PartnerInvoicePolicy::policy);
    }

    /** A finance person releases an order's invoice by hand (any policy); refused before the order's release or after. */
    @WithSpan("InvoiceRelease.release")
    public Uni<OrderInvoice> release(String orderId, String actor) {
        return Panache.withTransaction(() -> invoices.findById(orderId).chain(invoice -> {
            if (invoice == null) {
                throw new UnknownOrderInvoiceException(orderId);
            }
            if (!invoice.trigger("MANUAL", actor, true)) {
                throw new InvoiceNotReleasableException(orderId, invoice.status() == OrderInvoice.Status.WAITING
                        ? "the order has not been released yet (no Odoo sale order known)"
                        : "its invoice is already " + invoice.status());
            }
            return shipmentInvoices.persist(new ShipmentInvoice(orderId, ShipmentInvoice.MANUAL, "MANUAL", actor, true,
                    clock.instant())).replaceWith(invoice);
        }));
    }

    public Uni<OrderInvoice> of(String orderId) {
        return Panache.withSession(() -> invoices.findById(orderId))
                .onItem()
                .ifNull()
                .failWith(() -> new UnknownOrderInvoiceException(orderId));
    }

    /** An order's shipment invoices, in the order they were readied. */
    public Uni<List<ShipmentInvoice>> shipmentsOf(String orderId) {
        return Panache.withSession(() -> shipmentInvoices.ofOrder(orderId));
    }
}
