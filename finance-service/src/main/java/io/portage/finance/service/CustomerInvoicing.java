package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.client.CustomerInvoiceClient;
import io.portage.finance.config.AuditConfig;
import io.portage.finance.config.FinanceOdooConfig;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.Posting;
import io.portage.finance.domain.ShipmentInvoice;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.PostingRepository;
import io.portage.finance.repository.ShipmentInvoiceRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.odoo.connector.ops.BookedAmounts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Makes the ready shipment invoices in Odoo from their orders' sale orders, oldest first, and posts them, then records
 * them INVOICED on the shipment and the order with what caused them (the release and trigger events, or the person).
 * Odoo is asked for what the order has delivered and not invoiced (ODOO.md: the delivered method), so each shipment's
 * invoice holds what was delivered since the one before, and a retry after a failure half way never invoices twice; a
 * failed call is tried again at the next run. An order in another currency than the company's is invoiced only once
 * Odoo holds a rate of it dated on or before the day (Odoo would convert at its oldest rate, or 1:1, without a word):
 * until then the invoice waits, with an item for finance that closes itself once the invoice is made.
 */
@ApplicationScoped
public class CustomerInvoicing {

    /** The exception type of an invoice waiting for Odoo's exchange rate of its currency on the day it is made. */
    public static final String NO_RATE = "finance.invoice-waits-for-rate";

    private final OrderInvoiceRepository invoices;
    private final ExceptionQueue exceptions;
    private final AuditConfig audit;
    private final ShipmentInvoiceRepository shipmentInvoices;
    private final PostingRepository postings;
    private final CustomerInvoiceClient odoo;
    private final ExchangeRates rates;
    private final FinanceJson json;
    private final FinanceOdooConfig writes;
    private final Clock clock = Clock.systemUTC();

    public CustomerInvoicing(OrderInvoiceRepository invoices, ShipmentInvoiceRepository shipmentInvoices,
            PostingRepository postings, CustomerInvoiceClient odoo, FinanceJson json, FinanceOdooConfig writes,
            ExchangeRates rates, ExceptionQueue exceptions, AuditConfig audit) {
        this.exceptions = exceptions;
        this.audit = audit;
        this.rates = rates;
        this.shipmentInvoices = shipmentInvoices;
        this.writes = writes;
        this.invoices = invoices;
        this.postings = postings;
        this.odoo = odoo;
        this.json = json;
    }

    @Scheduled(every = "${portage.finance.invoicing.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        if (!writes.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> shipmentInvoices.ready(50)).chain(ready -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ShipmentInvoice shipment : ready) {
                chain = chain.chain(() -> invoice(shipment).onFailure().recoverWithUni(failure -> {
                    Log.warnf("The invoice of order %s (shipment %s) is not made yet: %s", shipment.orderId(),
                            shipment.shipmentId(), failure.getMessage());
                    return Panache.withTransaction(() -> shipmentInvoices.findById(key(shipment))
                            .invoke(row -> row.failed(String.valueOf(failure.getMessage())))
                            .chain(() -> invoices.findById(shipment.orderId()))
                            .invoke(row -> row.failed(String.valueOf(failure.getMessage())))
                            .chain(order -> failure instanceof NoExchangeRateException
                                    ? exceptions.raise(NO_RATE, audit.ownerRole(), "order-invoice:" + shipment.orderId(),
                                            "The invoice of order " + shipment.orderId() + " waits: "
                                                    + failure.getMessage() + " (it is made at the next run once "
                                                    + "the rate is added in Odoo)",
                                            json.write(Map.of("orderId", shipment.orderId(), "saleOrderId",
                                                    order.saleOrderId())))
                                            .replaceWithVoid()
                                    : Uni.createFrom().voidItem()))
                            .replaceWithVoid();
                }));
            }
            return chain;
        });
    }

    private static ShipmentInvoice.Key key(ShipmentInvoice shipment) {
        return new ShipmentInvoice.Key(shipment.orderId(), shipment.shipmentId());
    }

    /**
     * Invoices what the sale order has delivered and not invoiced, and gives the shipment the order's posted invoices it
     * did not know yet (after a failure half way, the retry finds the invoice the first attempt made).
     */
    private Uni<Void> invoice(ShipmentInvoice shipment) {
        return Panache.withSession(() -> invoices.findById(shipment.orderId()))
                .chain(order -> odoo.orderCurrency(order.saleOrderId())
                        // Odoo converts an invoice at its rate of the invoice's date (today), 1:1 when it has none.
                        .chain(currency -> rates.check(currency, LocalDate.now(clock)))
                        .chain(() -> odoo.invoiceOrder(order.saleOrderId())))
                .chain(made -> booked(made).chain(booked -> Panache.withTransaction(() -> shipmentInvoices
                        .findById(key(shipment))
                        .chain(row -> invoices.findById(shipment.orderId())
                                .chain(order -> shipmentInvoices.ofOrder(order.orderId()).chain(all -> {
                                    if (row.status() != ShipmentInvoice.Status.READY) {
                                        return Uni.createFrom().voidItem();
                                    }
                                    Set<String> known = order.invoiceIds() == null
                                            ? Set.of()
                                            : Set.of(order.invoiceIds().split(","));
                                    List<CustomerInvoiceClient.Invoice> posted = made.stream()
                                            .filter(invoice -> "out_invoice".equals(invoice.moveType())
                                                    && !known.contains(Long.toString(invoice.id())))
                                            .toList();
                                    String ids = posted.stream()
                                            .map(invoice -> Long.toString(invoice.id()))
                                            .collect(Collectors.joining(","));
                                    BigDecimal total = posted.stream()
                                            .map(CustomerInvoiceClient.Invoice::total)
                                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                                    String currency = posted.isEmpty() ? null : posted.get(0).currency();
                                    Instant now = clock.instant();
                                    row.invoiced(ids, total, currency, now);
                                    boolean more = all.stream()
                                            .anyMatch(other -> other != row
                                                    && other.status() == ShipmentInvoice.Status.READY);
                                    order.invoiced(ids, total, currency, more, now);
                                    return record(order, row, posted, booked).chain(() -> exceptions.settle(NO_RATE,
                                            "order-invoice:" + order.orderId(), "finance-service",
                                            "invoiced once Odoo had the rate", order.correlationId()))
                                            .replaceWithVoid();
                                }))))));
    }

    /** What Odoo booked for each posted invoice in the company currency (an invoice Odoo does not answer for: none). */
    private Uni<Map<Long, BookedAmounts>> booked(List<CustomerInvoiceClient.Invoice> made) {
        Map<Long, BookedAmounts> booked = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CustomerInvoiceClient.Invoice invoice : made) {
            if ("out_invoice".equals(invoice.moveType())) {
                chain = chain.chain(() -> rates.bookedOrUnknown(invoice.id()).invoke(amounts -> {
                    if (amounts != null) {
                        booked.put(invoice.id(), amounts);
                    }
                }).replaceWithVoid());
            }
        }
        return chain.replaceWith(booked);
    }

    private Uni<Void> record(OrderInvoice order, ShipmentInvoice shipment, List<CustomerInvoiceClient.Invoice> posted,
            Map<Long, BookedAmounts> booked) {
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("order", order.orderId());
        if (!ShipmentInvoice.MANUAL.equals(shipment.shipmentId())) {
            cause.put("shipment", shipment.shipmentId());
        }
        cause.put("events", shipment.triggerEventId() == null
                ? List.of(order.releasedEventId())
                : List.of(order.releasedEventId(), shipment.triggerEventId()));
        cause.put("trigger", shipment.triggerKind());
        if (shipment.releasedBy() != null) {
            cause.put("releasedBy", shipment.releasedBy());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CustomerInvoiceClient.Invoice invoice : posted) {
            chain = chain.chain(() -> postings.persist(ExchangeRates.withBooking(new Posting(
                    Posting.Kind.CUSTOMER_INVOICE, invoice.id(), invoice.name(), "sale.order/" + order.saleOrderId(),
                    invoice.total(), invoice.currency() == null ? "" : invoice.currency(), json.write(cause),
                    order.correlationId(), clock.instant()), booked.get(invoice.id()))).replaceWithVoid());
        }
        return chain;
    }
}
