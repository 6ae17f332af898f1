package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.client.CustomerInvoiceClient;
import io.portage.finance.config.FinanceOdooConfig;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.Posting;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.PostingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Makes the READY orders' customer invoices in Odoo from their sale orders and posts them, then records them INVOICED
 * with what caused them (the release and trigger events, or the person). Odoo is asked for what the order has left to
 * invoice, so a retry after a failure half way never invoices twice; a failed call is tried again at the next run.
 */
@ApplicationScoped
public class CustomerInvoicing {

    private final OrderInvoiceRepository invoices;
    private final PostingRepository postings;
    private final CustomerInvoiceClient odoo;
    private final FinanceJson json;
    private final FinanceOdooConfig writes;
    private final Clock clock = Clock.systemUTC();

    public CustomerInvoicing(OrderInvoiceRepository invoices, PostingRepository postings, CustomerInvoiceClient odoo,
            FinanceJson json, FinanceOdooConfig writes) {
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
        return Panache.withSession(() -> invoices.ready(50)).chain(ready -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OrderInvoice order : ready) {
                chain = chain.chain(() -> invoice(order).onFailure().recoverWithUni(failure -> {
                    Log.warnf("The invoice of order %s is not made yet: %s", order.orderId(), failure.getMessage());
                    return Panache.withTransaction(() -> invoices.findById(order.orderId())
                            .invoke(row -> row.failed(String.valueOf(failure.getMessage())))).replaceWithVoid();
                }));
            }
            return chain;
        });
    }

    private Uni<Void> invoice(OrderInvoice order) {
        return odoo.invoiceOrder(order.saleOrderId())
                .chain(made -> Panache.withTransaction(() -> invoices
                        .findById(order.orderId())
                        .chain(row -> {
                            if (row.status() != OrderInvoice.Status.READY) {
                                return Uni.createFrom().voidItem();
                            }
                            List<CustomerInvoiceClient.Invoice> posted = made.stream()
                                    .filter(invoice -> "out_invoice".equals(invoice.moveType()))
                                    .toList();
                            row.invoiced(
                                    posted.stream()
                                            .map(invoice -> Long.toString(invoice.id()))
                                            .collect(Collectors.joining(",")),
                                    posted.stream()
                                            .map(CustomerInvoiceClient.Invoice::total)
                                            .reduce(BigDecimal.ZERO, BigDecimal::add),
                                    posted.isEmpty() ? null : posted.get(0).currency(), clock.instant());
                            Map<String, Object> cause = new LinkedHashMap<>();
                            cause.put("order", row.orderId());
                            cause.put("events", row.triggerEventId() == null
                                    ? List.of(row.releasedEventId())
                                    : List.of(row.releasedEventId(), row.triggerEventId()));
                            cause.put("trigger", row.triggerKind());
                            if (row.releasedBy() != null) {
                                cause.put("releasedBy", row.releasedBy());
                            }
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (CustomerInvoiceClient.Invoice invoice : posted) {
                                chain = chain.chain(() -> postings.persist(new Posting(Posting.Kind.CUSTOMER_INVOICE,
                                        invoice.id(),
                                        invoice.name(), "sale.order/" + row.saleOrderId(), invoice.total(),
                                        invoice.currency() == null ? "" : invoice.currency(), json.write(cause),
                                        row.correlationId(),
                                        clock.instant())).replaceWithVoid());
                            }
                            return chain;
                        })));
    }

}
