package io.portage.finance.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.portage.finance.domain.CarrierCharge;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.PaymentTransaction;
import io.portage.finance.domain.Refund;
import io.portage.odoo.connector.ops.ExchangeRate;

/** The amounts an order's margin is made of, each in its currency on its day: what {@link Margins} nets or converts. */
final class MarginParts {

    static final String REVENUE = "revenue";
    static final String CREDITED = "credited";
    static final String CARRIER_COST = "carrierCost";
    static final String PAYMENT_FEES = "paymentFees";

    /** Amounts of one part of the margin in one currency on one day. */
    record Part(String part, String currency, LocalDate day, BigDecimal amount) {
    }

    private final OrderInvoice order;
    private final List<CarrierCharge> labels;
    private final List<Refund> credits;
    private final List<PaymentTransaction> paid;
    private final List<Part> parts = new ArrayList<>();

    private MarginParts(OrderInvoice order, List<CarrierCharge> labels, List<Refund> credits,
            List<PaymentTransaction> paid) {
        this.order = order;
        this.labels = labels;
        this.credits = credits;
        this.paid = paid;
    }

    static MarginParts of(OrderInvoice order, List<CarrierCharge> labels, List<Refund> credits,
            List<PaymentTransaction> paid) {
        MarginParts parts = new MarginParts(order, labels, credits, paid);
        if (order.revenue() != null) {
            parts.add(REVENUE, order.revenueCurrency(), order.invoicedAt() == null ? null : day(order.invoicedAt()),
                    order.revenue());
        }
        credits.stream()
                .filter(r -> r.amount() != null && r.currency() != null)
                .forEach(r -> parts.add(CREDITED, r.currency(), day(r.decidedAt() != null
                        ? r.decidedAt()
                        : r.receivedAt()), r.amount()));
        labels.forEach(label -> parts.add(CARRIER_COST, label.currency(), day(label.confirmedAt()), label.amount()));
        paid.forEach(p -> parts.add(PAYMENT_FEES, p.currency(), day(p.created()), p.fee()));
        return parts;
    }

    private void add(String part, String currency, LocalDate day, BigDecimal amount) {
        parts.add(new Part(part, currency, day, amount));
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The currencies the parts are in. */
    Set<String> currencies() {
        return parts.stream().map(Part::currency).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The parts summed by part, currency and day: one conversion each. */
    List<Part> grouped() {
        Map<List<Object>, Part> sums = new LinkedHashMap<>();
        for (Part part : parts) {
            sums.merge(Arrays.asList(part.part(), part.currency(), part.day()), part, (a, b) -> new Part(
                    a.part(), a.currency(), a.day(), a.amount().add(b.amount())));
        }
        return List.copyOf(sums.values());
    }

    private boolean feesKnown() {
        return paid.stream().anyMatch(payment -> !payment.type().contains("refund"));
    }

    /**
     * The margin in the revenue's currency without conversion: credit notes and labels in another currency are left
     * out (the labels listed apart); matched payments are in the revenue's currency.
     */
    Margins.Margin inRevenueCurrency(String notConverted) {
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
        BigDecimal fees = paid.stream().map(PaymentTransaction::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Margins.Margin(order.orderId(), order.invoicedAt(), currency, revenue, credited, cost, fees,
                feesKnown(), revenue.subtract(credited).subtract(cost).subtract(fees), other, List.of(), notConverted);
    }

    /**
     * The margin in the company currency: each part converted at Odoo's rate of its day ({@code rates} by
     * {@code currency@day}), rounded to the cent as Odoo rounds company amounts.
     */
    Margins.Margin converted(String companyCurrency, Map<String, ExchangeRate> rates) {
        List<Margins.Conversion> conversions = new ArrayList<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Part part : grouped()) {
            ExchangeRate rate = rates.get(part.currency() + "@" + part.day());
            BigDecimal companyAmount = part.amount().divide(rate.rate(), 2, RoundingMode.HALF_UP);
            conversions.add(new Margins.Conversion(part.part(), part.currency(), part.day(), part.amount(), rate.rate(),
                    rate.rateDate(), companyAmount));
            sums.merge(part.part(), companyAmount, BigDecimal::add);
        }
        BigDecimal revenue = sums.getOrDefault(REVENUE, BigDecimal.ZERO);
        BigDecimal credited = sums.getOrDefault(CREDITED, BigDecimal.ZERO);
        BigDecimal cost = sums.getOrDefault(CARRIER_COST, BigDecimal.ZERO);
        BigDecimal fees = sums.getOrDefault(PAYMENT_FEES, BigDecimal.ZERO);
        return new Margins.Margin(order.orderId(), order.invoicedAt(), companyCurrency, revenue, credited, cost, fees,
                feesKnown(), revenue.subtract(credited).subtract(cost).subtract(fees), Map.of(), conversions, null);
    }
}
