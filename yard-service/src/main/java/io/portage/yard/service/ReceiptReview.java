package io.portage.yard.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.ops.AuditLog;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.yard.client.ReceiptClient;
import io.portage.yard.client.ReceiptClient.OrderToReceive;
import io.portage.yard.domain.DockAppointment;
import io.portage.yard.domain.ReceiptCheck;
import io.portage.yard.domain.ReceiptLine;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.repository.ReceiptLineRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Receipt lines under review: each confirmed line is held against the purchase order of its appointment in Odoo
 * ({@link ReceiptCheck}); a discrepancy waits for a person and nothing in Odoo changes until it is approved. A
 * purchase order's receipt is validated in Odoo once, when every product it still has to receive has a matched or
 * approved line of the receipt and none waits: with a backorder for what is short, damaged goods scrapped after. Each
 * discrepancy is also an item of the exception queue ({@value #DISCREPANCY}, owner {@code warehouse}) with its
 * evidence; approving the line closes it.
 */
@ApplicationScoped
public class ReceiptReview {

    /** The exception type of a receipt line waiting for a person; its key is the line's id. */
    public static final String DISCREPANCY = "yard.receipt-discrepancy";

    private final ReceiptLineRepository lines;
    private final AppointmentRepository appointments;
    private final ReceiptClient odoo;
    private final ExceptionQueue exceptions;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final YardMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public ReceiptReview(ReceiptLineRepository lines, AppointmentRepository appointments, ReceiptClient odoo,
            ExceptionQueue exceptions, AuditLog audit, ObjectMapper json, YardMetrics metrics) {
        this.metrics = metrics;
        this.lines = lines;
        this.appointments = appointments;
        this.odoo = odoo;
        this.exceptions = exceptions;
        this.audit = audit;
        this.json = json;
    }

    /** Records and checks lines inside the caller's transaction (the consumer kit's); how many were new. */
    @WithSpan("ReceiptReview.apply")
    public Uni<Integer> apply(List<ConfirmedReceiptLine> confirmed) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (ConfirmedReceiptLine line : confirmed) {
            chain = chain.chain(count -> record(line).map(added -> added ? count + 1 : count));
        }
        return chain;
    }

    /**
     * A person approves an exception (here, or by retrying its item in the exception queue); audited with the person,
     * its exception item closed, and the receipt goes into Odoo if nothing else waits.
     */
    @WithSpan("ReceiptReview.approve")
    public Uni<ReceiptLine> approve(String receiptId, int lineNumber, String by, String correlationId) {
        return Panache
                .withTransaction(() -> approveInTransaction(ReceiptLine.id(receiptId, lineNumber), by, correlationId, true));
    }

    /**
     * As {@link #approve}, inside the caller's transaction; {@code closeItem} false when the exception queue's retry
     * closes the item itself.
     */
    Uni<ReceiptLine> approveInTransaction(String lineId, String by, String correlationId, boolean closeItem) {
        return lines.findById(lineId).chain(line -> {
            if (line == null) {
                int hash = lineId.lastIndexOf('#');
                throw new ReceiptLineNotFoundException(lineId.substring(0, Math.max(hash, 0)),
                        hash < 0 ? 0 : Integer.parseInt(lineId.substring(hash + 1)));
            }
            String discrepancy = line.discrepancy();
            line.approve(by);
            String how = "approved " + discrepancy + " as counted";
            return audit.record(by, "receipt.approve", "receipt-line:" + line.id(), "done", how, correlationId)
                    .chain(() -> closeItem
                            ? exceptions.settle(DISCREPANCY, line.id(), by, how, correlationId).replaceWithVoid()
                            : Uni.createFrom().voidItem())
                    .chain(() -> settle(line.receiptId()))
                    .replaceWith(line);
        });
    }

    public Uni<List<ReceiptLine>> withStatus(String site, ReceiptLine.Status status) {
        return Panache.withSession(() -> lines.withStatus(site, status));
    }

    private Uni<Boolean> record(ConfirmedReceiptLine confirmed) {
        return lines.findById(ReceiptLine.id(confirmed.receiptId(), confirmed.lineNumber())).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(false);
            }
            ReceiptLine line = new ReceiptLine(confirmed.receiptId(), confirmed.lineNumber(), confirmed.site(),
                    confirmed.appointmentId(), confirmed.sku(), confirmed.expected(), confirmed.received(),
                    confirmed.shortQuantity(), confirmed.damaged(), confirmed.confirmedAt());
            Uni<DockAppointment> appointment = confirmed.appointmentId() == null
                    ? Uni.createFrom().nullItem()
                    : appointments.findById(confirmed.appointmentId());
            return appointment.chain(found -> found == null ? noAppointment(line) : check(line, found.purchaseOrders()))
                    .chain(() -> lines.persist(line))
                    .chain(() -> line.status() == ReceiptLine.Status.EXCEPTION ? raise(line) : Uni.createFrom().voidItem())
                    .chain(() -> settle(line.receiptId()))
                    .replaceWith(true);
        });
    }

    /** The discrepancy as an item of the exception queue (owner {@code warehouse}), with its evidence. */
    private Uni<Void> raise(ReceiptLine line) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("receiptId", line.receiptId());
        evidence.put("lineNumber", line.lineNumber());
        evidence.put("site", line.site());
        evidence.put("appointmentId", line.appointmentId());
        evidence.put("purchaseOrder", line.purchaseOrder());
        evidence.put("sku", line.sku());
        evidence.put("expected", line.expected());
        evidence.put("received", line.received());
        evidence.put("shortQuantity", line.shortQuantity());
        evidence.put("damaged", line.damaged());
        evidence.put("discrepancy", line.discrepancy());
        evidence.put("evidence", line.evidence());
        String payload;
        try {
            payload = json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Receipt line " + line.id() + " cannot be written as JSON", e);
        }
        String summary = line.discrepancy() + " " + line.sku() + " on receipt " + line.receiptId() + " at " + line.site()
                + (line.purchaseOrder() == null ? "" : " against " + line.purchaseOrder())
                + ": retry applies it as counted, after review";
        return exceptions.raise(DISCREPANCY, "warehouse", line.id(), summary, payload).replaceWithVoid();
    }

    private Uni<Void> noAppointment(ReceiptLine line) {
        line.checked(null, null, new ReceiptCheck.Verdict(ReceiptCheck.Discrepancy.NO_APPOINTMENT,
                "The line names no appointment of this site: its purchase order is not known"));
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> check(ReceiptLine line, List<String> orders) {
        return odoo.products(List.of(line.sku())).chain(products -> {
            Long product = products.get(line.sku());
            return orderWith(orders, product, 0).invoke(order -> line.checked(order == null ? null : order.name(), product,
                    ReceiptCheck.check(line.sku(), line.expected(), line.received(), line.shortQuantity(), line.damaged(),
                            order == null ? null : order.name(), order == null ? null : order.outstanding().get(product))))
                    .replaceWithVoid();
        });
    }

    /** The first of {@code orders} (from {@code index}) that has a line of {@code product}; null when none has. */
    private Uni<OrderToReceive> orderWith(List<String> orders, Long product, int index) {
        if (product == null || index >= orders.size()) {
            return Uni.createFrom().nullItem();
        }
        return odoo.order(orders.get(index))
                .chain(order -> order != null && order.outstanding().containsKey(product)
                        ? Uni.createFrom().item(order)
                        : orderWith(orders, product, index + 1));
    }

    /** Validates the receipt's orders in Odoo whose every product to receive has a matched or approved line. */
    private Uni<Void> settle(String receiptId) {
        return lines.flush().chain(() -> lines.ofReceipt(receiptId)).chain(all -> {
            if (all.stream().anyMatch(line -> line.status() == ReceiptLine.Status.EXCEPTION)) {
                return Uni.createFrom().voidItem();
            }
            Map<String, List<ReceiptLine>> byOrder = new HashMap<>();
            all.stream()
                    .filter(line -> line.purchaseOrder() != null && line.status() != ReceiptLine.Status.APPLIED)
                    .forEach(line -> byOrder.computeIfAbsent(line.purchaseOrder(), k -> new ArrayList<>()).add(line));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, List<ReceiptLine>> order : byOrder.entrySet()) {
                chain = chain
                        .chain(() -> odoo.order(order.getKey()).chain(found -> receive(receiptId, found, order.getValue())));
            }
            return chain;
        });
    }

    private Uni<Void> receive(String receiptId, OrderToReceive order, List<ReceiptLine> confirmed) {
        if (order == null) {
            return Uni.createFrom().voidItem();
        }
        Map<Long, BigDecimal> arrived = new HashMap<>();
        Map<Long, BigDecimal> damaged = new HashMap<>();
        for (ReceiptLine line : confirmed) {
            arrived.merge(line.productId(), line.arrived(), BigDecimal::add);
            if (line.damaged().signum() > 0) {
                damaged.merge(line.productId(), line.damaged(), BigDecimal::add);
            }
        }
        boolean complete = order.outstanding()
                .entrySet()
                .stream()
                .allMatch(line -> line.getValue().signum() == 0 || arrived.containsKey(line.getKey()));
        if (!complete) {
            return Uni.createFrom().voidItem();
        }
        boolean backorder = order.outstanding()
                .entrySet()
                .stream()
                .anyMatch(line -> arrived.getOrDefault(line.getKey(), BigDecimal.ZERO).compareTo(line.getValue()) < 0);
        return odoo.receive(order.receiptId(), arrived, backorder, damaged, "portage:" + receiptId).invoke(() -> {
            Instant now = clock.instant();
            confirmed.forEach(line -> line.applied(now));
            confirmed.stream()
                    .map(ReceiptLine::confirmedAt)
                    .max(Instant::compareTo)
                    .ifPresent(counted -> metrics.receiptLag(confirmed.get(0).site(), Duration.between(counted, now)));
        });
    }
}
