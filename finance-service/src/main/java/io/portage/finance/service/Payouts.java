package io.portage.finance.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.config.AuditConfig;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.PaymentTransaction;
import io.portage.finance.domain.PayoutImport;
import io.portage.finance.domain.PayoutLine;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.PaymentTransactionRepository;
import io.portage.finance.repository.PayoutImportRepository;
import io.portage.kit.ops.ExceptionQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Imports payment providers' payout exports once: each balance transaction once by its id, a charge or refund matched
 * to the invoiced order its metadata names (and that order's Odoo invoices), its fee kept for the order's margin; one
 * whose order is not found, not invoiced or in another currency is raised for finance with its evidence.
 */
@ApplicationScoped
public class Payouts {

    /** The exception type of a payment no invoiced order could be matched to. */
    public static final String UNMATCHED = "finance.payout-unmatched";

    private final PayoutImportRepository imports;
    private final PaymentTransactionRepository transactions;
    private final OrderInvoiceRepository invoices;
    private final ExceptionQueue exceptions;
    private final AuditConfig config;
    private final FinanceJson json;
    private final Clock clock = Clock.systemUTC();

    public Payouts(PayoutImportRepository imports, PaymentTransactionRepository transactions,
            OrderInvoiceRepository invoices, ExceptionQueue exceptions, AuditConfig config, FinanceJson json) {
        this.imports = imports;
        this.transactions = transactions;
        this.invoices = invoices;
        this.exceptions = exceptions;
        this.config = config;
        this.json = json;
    }

    /** The import a file made, and whether this call made it. */
    public record Imported(PayoutImport payoutImport, boolean created) {
    }

    /** An import with its transactions, in the file's order. */
    public record ImportWithLines(PayoutImport payoutImport, List<PaymentTransaction> transactions) {
    }

    @WithSpan("Payouts.importFile")
    public Uni<Imported> importFile(List<PayoutLine> lines, String actor, String correlationId) {
        String hash = contentHash(lines);
        return Panache.withTransaction(() -> imports.byContentHash(hash)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(new Imported(existing, false))
                        : store(hash, lines, actor, correlationId)));
    }

    public Uni<ImportWithLines> of(UUID id) {
        return Panache.withSession(() -> imports.findById(id).chain(found -> {
            if (found == null) {
                throw new UnknownPayoutImportException(id);
            }
            return transactions.ofImport(id).map(rows -> new ImportWithLines(found, rows));
        }));
    }

    private Uni<Imported> store(String hash, List<PayoutLine> lines, String actor, String correlationId) {
        PayoutImport made = new PayoutImport(hash, lines.size(), actor, correlationId, clock.instant());
        Set<String> orderIds = lines.stream()
                .filter(line -> line.isOrderPayment() && line.orderId() != null)
                .map(PayoutLine::orderId)
                .collect(Collectors.toSet());
        Uni<Map<String, OrderInvoice>> orders = orderIds.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : invoices.list("orderId in ?1", orderIds)
                        .map(rows -> rows.stream().collect(Collectors.toMap(OrderInvoice::orderId, Function.identity())));
        return transactions.known(lines.stream().map(PayoutLine::id).toList())
                .chain(known -> orders.chain(byOrder -> {
                    Set<String> before = new HashSet<>(known);
                    List<PaymentTransaction> rows = new ArrayList<>();
                    for (PayoutLine line : lines) {
                        if (before.contains(line.id())) {
                            made.counted(null);
                            continue;
                        }
                        PaymentTransaction row = match(made.id(), line, byOrder.get(line.orderId()));
                        made.counted(row.status());
                        rows.add(row);
                    }
                    return imports.persistAndFlush(made)
                            .chain(() -> transactions.persist(rows))
                            .chain(() -> raise(rows))
                            .replaceWith(new Imported(made, true));
                }));
    }

    private static PaymentTransaction match(UUID importId, PayoutLine line, OrderInvoice order) {
        if (!line.isOrderPayment()) {
            return new PaymentTransaction(importId, line, PaymentTransaction.Status.NOT_ORDER, null, null);
        }
        String reason = line.orderId() == null
                ? "names no order (metadata " + PayoutCsv.ORDER_METADATA + ")"
                : order == null
                        ? "order " + line.orderId() + " is not known to finance"
                        : order.status() != OrderInvoice.Status.INVOICED
                                ? "order " + line.orderId() + " is not invoiced yet (" + order.status() + ")"
                                : !line.currency().equals(order.revenueCurrency())
                                        ? "is in " + line.currency() + ", the order's invoice in " + order.revenueCurrency()
                                        : null;
        return reason != null
                ? new PaymentTransaction(importId, line, PaymentTransaction.Status.UNMATCHED, null, reason)
                : new PaymentTransaction(importId, line, PaymentTransaction.Status.MATCHED, order.invoiceIds(), null);
    }

    private Uni<Void> raise(List<PaymentTransaction> rows) {
        List<ExceptionQueue.Raised> items = new ArrayList<>();
        for (PaymentTransaction row : rows) {
            if (row.status() != PaymentTransaction.Status.UNMATCHED) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("importId", row.importId().toString());
            evidence.put("row", row.rowNumber());
            evidence.put("id", row.id());
            evidence.put("type", row.type());
            evidence.put("source", row.source());
            evidence.put("amount", row.amount());
            evidence.put("fee", row.fee());
            evidence.put("currency", row.currency());
            evidence.put("created", row.created().toString());
            evidence.put("payout", row.payout());
            evidence.put("orderId", row.orderId());
            evidence.put("reason", row.reason());
            items.add(new ExceptionQueue.Raised("payment-transaction:" + row.id(), row.type() + " " + row.id() + " of "
                    + row.amount().toPlainString() + " " + row.currency() + " (row " + row.rowNumber() + ") " + row.reason(),
                    json.write(evidence)));
        }
        return exceptions.raiseAll(UNMATCHED, config.ownerRole(), items);
    }

    static String contentHash(List<PayoutLine> lines) {
        StringBuilder canonical = new StringBuilder();
        for (PayoutLine line : lines) {
            canonical.append(line.id())
                    .append('|')
                    .append(line.type())
                    .append('|')
                    .append(line.amount().stripTrailingZeros().toPlainString())
                    .append('|')
                    .append(line.fee().stripTrailingZeros().toPlainString())
                    .append('|')
                    .append(line.currency())
                    .append('|')
                    .append(line.created())
                    .append('|')
                    .append(line.orderId())
                    .append('\n');
        }
        return ContentHash.sha256(canonical.toString());
    }
}
