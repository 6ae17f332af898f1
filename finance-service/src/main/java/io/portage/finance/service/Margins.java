package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.ShipmentFact;
import io.portage.finance.repository.CarrierChargeRepository;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.PaymentTransactionRepository;
import io.portage.finance.repository.RefundRepository;
import io.portage.finance.repository.ShipmentFactRepository;
import io.portage.odoo.connector.ops.ExchangeRate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Margin per invoiced order: revenue (its posted customer invoices) - credit notes - carrier cost (the labels of its
 * shipments) - payment fees (of its payments and refunds imported from payouts; until its payment is imported they
 * count as zero and the answer says they are not known). Amounts in different currencies are never added up: when an
 * order's amounts are in more than one currency, each is converted to the Odoo company's currency at Odoo's rate of its
 * own day and the rates are shown; without a rate of Odoo for one of them the margin stays in the revenue's currency
 * and the costs in other currencies are listed apart.
 */
@ApplicationScoped
public class Margins {

    private final OrderInvoiceRepository invoices;
    private final ShipmentFactRepository facts;
    private final CarrierChargeRepository charges;
    private final RefundRepository refunds;
    private final PaymentTransactionRepository payments;
    private final ExchangeRates rates;

    public Margins(OrderInvoiceRepository invoices, ShipmentFactRepository facts, CarrierChargeRepository charges,
            RefundRepository refunds, PaymentTransactionRepository payments, ExchangeRates rates) {
        this.payments = payments;
        this.invoices = invoices;
        this.facts = facts;
        this.charges = charges;
        this.refunds = refunds;
        this.rates = rates;
    }

    /**
     * An order's margin in {@code currency}: the revenue's, or the company's when its amounts were converted (then
     * {@code conversions} shows each amount, its day and Odoo's rate); {@code notConverted} says why amounts in other
     * currencies could not be converted, which are then left out and costs among them listed apart.
     */
    public record Margin(String orderId, Instant invoicedAt, String currency, BigDecimal revenue, BigDecimal credited,
            BigDecimal carrierCost, BigDecimal paymentFees, boolean paymentFeesKnown, BigDecimal margin,
            Map<String, BigDecimal> carrierCostInOtherCurrencies, List<Conversion> conversions, String notConverted) {
    }

    /**
     * Amounts of one part of a margin ({@code revenue}, {@code credited}, {@code carrierCost}, {@code paymentFees}) in
     * one currency on one day, converted at Odoo's {@code rate} (units of {@code currency} for one of the company
     * currency, dated {@code rateDate}) to {@code companyAmount}.
     */
    public record Conversion(String part, String currency, LocalDate day, BigDecimal amount, BigDecimal rate,
            LocalDate rateDate, BigDecimal companyAmount) {
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
            return costs.chain(labels -> refunds.creditedOf(ids).chain(credits -> payments.matchedOf(ids).chain(paid -> {
                Uni<List<Margin>> chain = Uni.createFrom().item(new ArrayList<>());
                for (OrderInvoice order : orders) {
                    MarginParts parts = MarginParts.of(order, labels.stream()
                            .filter(label -> order.orderId().equals(orderOfShipment.get(label.shipmentId())))
                            .toList(), credits.stream().filter(r -> order.orderId().equals(r.orderId())).toList(),
                            paid.stream().filter(p -> order.orderId().equals(p.orderId())).toList());
                    chain = chain.chain(list -> margin(parts).map(margin -> {
                        list.add(margin);
                        return list;
                    }));
                }
                return chain;
            })));
        });
    }

    /** The margin as it is when its parts share a currency; else converted, or as far as it goes without a rate. */
    private Uni<Margin> margin(MarginParts parts) {
        if (parts.currencies().size() <= 1) {
            return Uni.createFrom().item(parts.inRevenueCurrency(null));
        }
        return rates.companyCurrency().chain(company -> {
            Map<String, ExchangeRate> known = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (MarginParts.Part part : parts.grouped()) {
                String key = part.currency() + "@" + part.day();
                chain = chain.chain(() -> known.containsKey(key)
                        ? Uni.createFrom().voidItem()
                        : rates.check(part.currency(), part.day()).invoke(rate -> known.put(key, rate)).replaceWithVoid());
            }
            return chain.map(ignored -> parts.converted(company, known));
        }).onFailure().recoverWithItem(failure -> parts.inRevenueCurrency(failure.getMessage()));
    }
}
