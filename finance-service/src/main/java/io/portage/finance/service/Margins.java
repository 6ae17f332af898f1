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
import io.portage.finance.domain.PaymentTransaction;
import io.portage.finance.domain.Refund;
import io.portage.finance.domain.ShipmentFact;
import io.portage.finance.repository.CarrierChargeRepository;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.PaymentTransactionRepository;
import io.portage.finance.repository.RefundRepository;
import io.portage.finance.repository.ShipmentFactRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Margin per invoiced order: revenue (its posted customer invoices) - credit notes - carrier cost (the labels of its
 * shipments) - payment fees (of its payments and refunds imported from payouts; until its payment is imported they
 * count as zero and the answer says they are not known). Amounts in different currencies are never added up: a cost in another currency than the revenue is listed apart.
 */
@ApplicationScoped
public class Margins {

    private final OrderInvoiceRepository invoices;
    private final ShipmentFactRepository facts;
    private final CarrierChargeRepository charges;
    private final RefundRepository refunds;
    private final PaymentTransactionRepository payments;

    public Margins(OrderInvoiceRepository invoices, ShipmentFactRepository facts, CarrierChargeRepository charges,
            RefundRepository refunds, PaymentTransactionRepository payments) {
        this.payments = payments;
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
            return costs.chain(labels -> refunds.creditedOf(ids).chain(credits -> payments.matchedOf(ids).map(paid -> {
                List<Margin> margins = new ArrayList<>();
                for (OrderInvoice order : orders) {
                    margins.add(margin(order, labels.stream()
                            .filter(label -> order.orderId().equals(orderOfShipment.get(label.shipmentId())))
                            .toList(), credits.stream().filter(r -> order.orderId().equals(r.orderId())).toList(),
                            paid.stream().filter(p -> order.orderId().equals(p.orderId())).toList()));
                }
                return margins;
            })));
        });
    }

    private static Margin margin(OrderInvoice order, List<CarrierCharge> labels, List<Refund> credits,
            List<PaymentTransaction> paid) {
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
        // Matched payments are in the revenue's currency; the fees are known once the order's payment is imported.
        BigDecimal fees = paid.stream().map(PaymentTransaction::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean feesKnown = paid.stream().anyMatch(payment -> !payment.type().contains("refund"));
        return new Margin(order.orderId(), order.invoicedAt(), currency, revenue, credited, cost, fees, feesKnown,
                revenue.subtract(credited).subtract(cost).subtract(fees), other);
    }
}
