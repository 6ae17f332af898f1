package io.portage.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.odoo.connector.error.OdooException;
import io.portage.order.client.OdooInventoryClient;
import io.portage.order.domain.InventoryReconciliation;
import io.portage.order.domain.InventoryReconciliation.Count;
import io.portage.order.domain.InventoryReconciliation.OdooStock;
import io.portage.order.domain.InventoryReconciliation.Verdict;
import io.portage.order.repository.InventoryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Reconciles stock snapshots from a WMS or 3PL with Odoo's quantities: reads Odoo's quants for the snapshot's SKUs,
 * judges each line (see {@link InventoryReconciliation}), stores snapshot and report in one transaction and raises an
 * {@value #DIFFERENCE} exception for a person when lines differ. Read only towards Odoo: no adjustment is written.
 */
@ApplicationScoped
public class InventoryService {

    /** Exception type of a reconciliation with lines to review; business key = reconciliation id. */
    public static final String DIFFERENCE = "inventory.difference";

    private final InventoryRepository reconciliations;
    private final OdooInventoryClient odoo;
    private final ExceptionQueue exceptions;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public InventoryService(InventoryRepository reconciliations, OdooInventoryClient odoo, ExceptionQueue exceptions,
            ObjectMapper json) {
        this.reconciliations = reconciliations;
        this.odoo = odoo;
        this.exceptions = exceptions;
        this.json = json;
    }

    /** A validated snapshot: where from, when taken, who sent it, its lines. */
    public record Snapshot(String source, Instant takenAt, String receivedBy, String correlationId, List<Count> counts) {
    }

    @WithSpan("InventoryService.reconcile")
    public Uni<InventoryReconciliation> reconcile(Snapshot snapshot) {
        Set<String> skus = new LinkedHashSet<>();
        snapshot.counts().forEach(count -> skus.add(count.sku()));
        return odoo.stock(skus)
                .onFailure(OdooException.class)
                .transform(failure -> new OdooUnavailableException(
                        "The snapshot was not stored: Odoo's stock could not be read (" + failure.getMessage()
                                + "); send it again",
                        failure))
                .chain(stock -> {
                    InventoryReconciliation report = new InventoryReconciliation(snapshot.source(), snapshot.takenAt(),
                            clock.instant(), snapshot.receivedBy(), snapshot.correlationId());
                    snapshot.counts().forEach(count -> compare(report, count, stock));
                    return Panache.withTransaction(() -> reconciliations.persist(report)
                            .call(stored -> stored.differenceCount() == 0 ? Uni.createFrom().voidItem() : raise(stored)));
                })
                .invoke(report -> Log.infof("Inventory snapshot %s from %s (%d lines): %d to review, %d changed in Odoo"
                        + " since", report.id(), report.source(), report.lineCount(), report.differenceCount(),
                        report.changedCount()));
    }

    private static void compare(InventoryReconciliation report, Count count, OdooInventoryClient.Stock stock) {
        Long productId = stock.products().get(count.sku());
        if (productId == null) {
            report.compare(count, null, Verdict.UNKNOWN_SKU);
            return;
        }
        String prefix = count.site() + "/";
        Set<Long> locations = new LinkedHashSet<>();
        for (OdooInventoryClient.Location location : stock.locations()) {
            boolean match = count.location() == null
                    ? location.completeName().startsWith(prefix)
                    : location.completeName().equals(count.location())
                            || location.completeName().equals(prefix + count.location());
            if (match) {
                locations.add(location.id());
            }
        }
        if (locations.isEmpty()) {
            report.compare(count, null, Verdict.UNKNOWN_LOCATION);
            return;
        }
        BigDecimal quantity = BigDecimal.ZERO;
        Instant changed = null;
        for (OdooInventoryClient.Quant quant : stock.quants()) {
            if (quant.productId() == productId && locations.contains(quant.locationId())) {
                quantity = quantity.add(quant.quantity());
                if (quant.writeDate() != null && (changed == null || quant.writeDate().isAfter(changed))) {
                    changed = quant.writeDate();
                }
            }
        }
        report.compare(count, new OdooStock(quantity, changed), null);
    }

    private Uni<Void> raise(InventoryReconciliation report) {
        ObjectNode payload = json.createObjectNode();
        payload.put("reconciliationId", report.id().toString());
        payload.put("source", report.source());
        payload.put("takenAt", report.takenAt().toString());
        ArrayNode lines = payload.putArray("lines");
        report.lines().stream().filter(line -> line.verdict().needsReview()).forEach(line -> {
            ObjectNode node = lines.addObject();
            node.put("site", line.site());
            node.put("sku", line.sku());
            node.put("location", line.location());
            node.put("snapshotQty", line.snapshotQty());
            node.put("odooQty", line.odooQty());
            node.put("difference", line.difference());
            node.put("verdict", line.verdict().name());
        });
        String summary = report.differenceCount() + " of " + report.lineCount() + " lines of the " + report.source()
                + " snapshot taken " + report.takenAt() + " differ from Odoo" + (report.changedCount() == 0
                        ? ""
                        : " (" + report.changedCount() + " more changed in Odoo since, not compared)");
        return exceptions.raise(DIFFERENCE, OrderChecks.OWNER, report.id().toString(), summary, payload.toString())
                .replaceWithVoid();
    }

    public Uni<InventoryReconciliation> find(UUID id) {
        return Panache.withSession(() -> reconciliations.findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> new ReconciliationNotFoundException(id));
    }

    public Uni<List<InventoryReconciliation>> latest(int limit) {
        return Panache.withSession(() -> reconciliations.latest(limit));
    }

}
