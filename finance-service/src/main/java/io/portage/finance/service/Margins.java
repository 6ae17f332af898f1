package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.Refund;
import io.portage.finance.domain.ShipmentFact;
import io.portage.finance.repository.CarrierChargeRepository;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.RefundRepository;
import io.portage.finance.repository.ShipmentFactRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Margin per invoiced order: revenue (its posted customer invoices) - credit notes - carrier cost (the labels of its
 * shipments) - payment fees. Payment fees are not known yet (no payouts import): they count as zero and the answer says
 * so. Amounts in different currencies are never added up: a cost in another currency than the revenue is listed apart.
 */
@ApplicationScoped
public class Margins {

    private final OrderInvoiceRepository invoices;
    private final ShipmentFactRepository facts;
    private final CarrierChargeRepository charges;
    private final RefundRepository refunds;

    public Margins(OrderInvoiceRepository invoices, ShipmentFactRepository facts, CarrierChargeRepository charges,
            RefundRepository refunds) {
        this.invoices = invoices;
        this.facts = facts;
        this.charges = charges;
        this.refunds = refunds;
    }

    /** An order's margin in its revenue's currency, and costs it could not net because of their currency. */
    public record Margin(String orderId, Instant invoicedAt, String currency, BigDecimal revenue, BigDecimal credited,
            BigDecimal carrierCost, BigDecimal paymentFees, boolean paymentFeesKnown, BigDecimal margin,
            Map<String, BigDecimal> carrierCostInOtherCurrencies) {
    }

    public Uni<List<Margin>> ofOrder(String orderId) {
        return Panache.withSession(() -> invoices.findById(orderId)
                .chain(invoice -> invoice == null
                        || invoice.status() != OrderInvoice.Status.INVOICED
                                ? Uni.createFrom().item(List.<Margin>of())
                                : margins(List.of(invoice))));
    }

    public Uni<List<Margin>> ofPeriod(Instant from, Instant to, int limit) {
        return Panache.withSession(() -> invoices.invoicedBetween(from, to, limit).chain(this::margins));
    }

    private Uni<List<Margin>> margins(List<OrderInvoice> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = orders.stream().map(OrderInvoice::orderId).toList();
        return facts.ofOrders(ids).chain(shipments -> {
            Map<String, String> orderOfShipment = shipments.stream()
                    .filter(fact -> fact.kind() == ShipmentFact.Kind.CREATED)
                    .collect(Collectors.toMap(ShipmentFact::shipmentId, ShipmentFact::orderId, (a, b) -> a));
            Set<String> shipmentIds = orderOfShipment.keySet();
            Uni<List<CarrierCharge>> costs = shipmentIds.isEmpty()
                    ? Uni.createFrom().item(List.of())
                    : charges.ofShipments(shipmentIds);
            return costs.chain(labels -> refunds.creditedOf(ids).map(credits -> {
                List<Margin> margins = new ArrayList<>();
                for (OrderInvoice order : orders) {
                    margins.add(margin(order, labels.stream()
                            .filter(label -> order.orderId().equals(orderOfShipment.get(label.shipmentId())))
                            .toList(), credits.stream().filter(r -> order.orderId().equals(r.orderId())).toList()));
                }
                return margins;
            }));
        });
    }

    private static Margin margin(OrderInvoice order, List<CarrierCharge> labels, List<Refund> credits) {
        String currency = order.revenueCurrency();
        BigDecimal revenue = order.revenue() == null ? BigDecimal.ZERO : order.revenue();
        BigDecimal credited = credits.stream()
                .filter(r -> r.amount() != null && currency != null && currency.equals(r.currency()))
                .map(Refund::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = labels.stream()
                .filter(label -> label.currency().equals(currency))
                .map(CarrierCharge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> other = labels.stream()
                .filter(label -> !label.currency().equals(currency))
                .collect(Collectors.groupingBy(CarrierCharge::currency,
                        Collectors.reducing(BigDecimal.ZERO, CarrierCharge::amount, BigDecimal::add)));
        BigDecimal fees = BigDecimal.ZERO;
        return new Margin(order.orderId(), order.invoicedAt(), currency, revenue, credited, cost, fees, false,
                revenue.subtract(credited).subtract(cost).subtract(fees), other);
    }
}
