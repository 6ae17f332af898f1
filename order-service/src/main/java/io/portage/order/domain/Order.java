package io.portage.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer order from intake to delivery; (channel, externalId) is unique, so a resubmission finds it. Its state
 * machine: RECEIVED, then ACCEPTED (or ON_HOLD while a person fixes what automation could not), RELEASED once Odoo has
 * confirmed it, then the fulfilment milestones reported by the warehouse, shipments and Odoo (never backwards); cancelled
 * by its channel before release, by Odoo until dispatch. Every change, and every late report, is in its history.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    private UUID id;
    private String channel;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "partner_id")
    private String partnerId;
    private String warehouse;
    @Column(name = "customer_name")
    private String customerName;
    @Column(name = "customer_email")
    private String customerEmail;
    private String street;
    private String city;
    @Column(name = "postal_code")
    private String postalCode;
    private String country;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "event_sequence")
    private long eventSequence;
    @Column(name = "hold_reason")
    private String holdReason;
    @Column(name = "ship_by")
    private Instant shipBy;
    @Column(name = "odoo_order_id")
    private Long odooOrderId;
    @Column(name = "odoo_name")
    private String odooName;
    @Column(name = "odoo_picking_ids")
    private String odooPickingIds;
    @Column(name = "odoo_synced_at")
    private Instant odooSyncedAt;
    @Column(name = "sync_attempts")
    private int syncAttempts;
    @Column(name = "sync_due_at")
    private Instant syncDueAt;
    @Column(name = "sync_claimed_until")
    private Instant syncClaimedUntil;
    @Column(name = "sync_error")
    private String syncError;
    @Enumerated(EnumType.STRING)
    @Column(name = "fulfiller_type")
    private Fulfiller.Type fulfillerType;
    @Column(name = "fulfiller_id")
    private String fulfillerId;
    @Column(name = "released_at")
    private Instant releasedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "odoo_pickings_done")
    private String odooPickingsDone;
    @Column(name = "invoiced_at")
    private Instant invoicedAt;
    @Column(name = "invoice_names")
    private String invoiceNames;
    @Version
    private long version;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_history", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<HistoryEntry> history = new ArrayList<>();

    protected Order() {
    }

    /** A newly received order with its lines, numbered from 1 in the order given. */
    public static Order receive(String channel, String externalId, String partnerId, String warehouse, Customer customer,
            List<OrderLine.Item> items, String correlationId, Instant receivedAt) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.channel = channel;
        order.externalId = externalId;
        order.partnerId = partnerId;
        order.warehouse = warehouse;
        order.customerName = customer.name();
        order.customerEmail = customer.email();
        order.street = customer.street();
        order.city = customer.city();
        order.postalCode = customer.postalCode();
        order.country = customer.country();
        order.correlationId = correlationId;
        order.receivedAt = receivedAt;
        order.eventSequence = 1;
        for (int i = 0; i < items.size(); i++) {
            order.lines.add(new OrderLine(order, i + 1, items.get(i)));
        }
        order.moveTo(OrderStatus.RECEIVED, receivedAt, "intake:" + channel, null);
        return order;
    }

    /** The ship-to party. */
    public record Customer(String name, String email, String street, String city, String postalCode, String country) {
    }

    /**
     * Maps each line's channel SKU to the product's SKU in Odoo ({@code mapping} holds the channel's mapped SKUs; an
     * unmapped SKU is taken as Odoo's).
     */
    public void mapSkus(Map<String, String> mapping) {
        lines.forEach(line -> line.mapTo(mapping.getOrDefault(line.sku(), line.sku())));
    }

    /** The checks passed: the order waits for Odoo, due now, and must ship within {@code shipWithin} of receipt. */
    public void accept(Instant now, Duration shipWithin, String source) {
        require(status == OrderStatus.RECEIVED || status == OrderStatus.ON_HOLD, "accept");
        holdReason = null;
        if (shipBy == null) {
            shipBy = receivedAt.plus(shipWithin);
        }
        syncDueAt = now;
        syncClaimedUntil = null;
        syncError = null;
        moveTo(OrderStatus.ACCEPTED, now, source, null);
    }

    /** Automation cannot go on without a person: the order waits, {@code reason} says for what. */
    public void hold(String reason, Instant now, String source) {
        require(status == OrderStatus.RECEIVED || status == OrderStatus.ON_HOLD || status == OrderStatus.ACCEPTED,
                "hold");
        if (status == OrderStatus.ON_HOLD && reason.equals(holdReason)) {
            return;
        }
        holdReason = reason;
        syncClaimedUntil = null;
        syncDueAt = null;
        moveTo(OrderStatus.ON_HOLD, now, source, reason);
    }

    /** Handing the order to Odoo failed for a reason that passes (Odoo away): it is due again at {@code retryAt}. */
    public void handOverFailed(String error, Instant retryAt) {
        require(status == OrderStatus.ACCEPTED, "retry the hand-over to Odoo of");
        syncError = error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
        syncDueAt = retryAt;
        syncClaimedUntil = null;
    }

    /** Odoo confirmed the order: it is released to {@code fulfiller}. */
    public void release(OdooOrder odoo, Fulfiller fulfiller, Instant now) {
        require(status == OrderStatus.ACCEPTED, "release");
        odooOrderId = odoo.id();
        odooName = odoo.name();
        odooPickingIds = odoo.pickingIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        odooSyncedAt = now;
        syncDueAt = null;
        syncClaimedUntil = null;
        syncError = null;
        fulfillerType = fulfiller.type();
        fulfillerId = fulfiller.id();
        releasedAt = now;
        moveTo(OrderStatus.RELEASED, now, "odoo",
                odoo.name() + " released to " + fulfiller.type() + " " + fulfiller.id());
    }

    /**
     * Changes the ship-to ({@code customer}, null: unchanged) and drops the lines ({@code items} non-null: they are
     * replaced; add the new ones with {@link #replaceLines} once the removal is flushed, so the line numbers can be
     * reused). Only before release and not while a worker is handing it to Odoo. The order's checks must run again:
     * the SKUs are unmapped until then.
     */
    public void change(Customer customer, boolean dropLines, Instant now, String source, String detail) {
        require(status.beforeRelease(), "change");
        if (inHandOver(now)) {
            throw new OrderStateException(id, status,
                    "Order " + id + " is being confirmed in Odoo right now; ask again in a few seconds");
        }
        if (customer != null) {
            customerName = customer.name();
            customerEmail = customer.email();
            street = customer.street();
            city = customer.city();
            postalCode = customer.postalCode();
            country = customer.country();
        }
        if (dropLines) {
            lines.clear();
        }
        updatedAt = now;
        note(status, now, source, detail, HistoryEntry.Note.CHANGED);
    }

    /** The new lines of a change, numbered from 1 (after {@link #change} dropped the old ones). */
    public void replaceLines(List<OrderLine.Item> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        if (!lines.isEmpty()) {
            throw new IllegalStateException("The old lines of order " + id + " are still there");
        }
        for (int i = 0; i < items.size(); i++) {
            lines.add(new OrderLine(this, i + 1, items.get(i)));
        }
    }

    /**
     * Cancels the order before release. Not while a worker is handing it to Odoo ({@code now} before the claim runs
     * out): that ends in release or in a retry within seconds, and the caller is told to try again.
     */
    public void cancel(String reason, Instant now, String source) {
        require(status.beforeRelease(), "cancel");
        if (inHandOver(now)) {
            throw new OrderStateException(id, status,
                    "Order " + id + " is being confirmed in Odoo right now; ask again in a few seconds");
        }
        cancelReason = reason;
        cancelledAt = now;
        holdReason = null;
        syncDueAt = null;
        moveTo(OrderStatus.CANCELLED, now, source, reason);
    }

    /** What a fulfilment fact reported by another service or Odoo did to the order. */
    public enum Outcome {
        /** It moved the order forward (or, for an invoice, marked it invoiced). */
        APPLIED,
        /** The order is there already (a repeated report, another tracking scan): nothing recorded. */
        SAME,
        /** The order is already further: recorded in the history, not applied. */
        LATE,
        /** The order is not released yet (or was rejected): recorded in the history, not applied. */
        NOT_RELEASED,
        /** It contradicts the order (goods moving after a cancellation, a cancellation after picking): a person looks. */
        CONFLICT
    }

    /**
     * A fulfilment milestone (picked, packed, dispatched, delivered) reported by another service at {@code at}.
     * Applied when it moves the order forward; one the order is past already is recorded in the history only (or not
     * at all when {@code recordLate} is false, e.g. a tracking scan after delivery), so a late or out-of-order event
     * never moves the order back. A milestone after a cancellation is recorded and answered {@link Outcome#CONFLICT}.
     */
    public Outcome reach(OrderStatus milestone, Instant at, String source, String detail, boolean recordLate) {
        if (!milestone.milestone()) {
            throw new IllegalArgumentException(milestone + " is not a fulfilment milestone");
        }
        if (status == milestone) {
            return Outcome.SAME;
        }
        if (status.next().contains(milestone)) {
            moveTo(milestone, at, source, detail);
            return Outcome.APPLIED;
        }
        if (status == OrderStatus.CANCELLED) {
            note(milestone, at, source, "after the cancellation: " + describe(detail), HistoryEntry.Note.AFTER_CANCELLATION);
            return Outcome.CONFLICT;
        }
        if (status.beforeRelease() || status == OrderStatus.REJECTED) {
            note(milestone, at, source, "not applied: the order is " + status + "; " + describe(detail),
                    HistoryEntry.Note.NOT_RELEASED);
            return Outcome.NOT_RELEASED;
        }
        if (recordLate) {
            note(milestone, at, source, "late: the order was already " + status + "; " + describe(detail),
                    HistoryEntry.Note.LATE);
        }
        return Outcome.LATE;
    }

    /**
     * Odoo cancelled the sale order. Released, picked or packed: the order is CANCELLED (the fulfiller learns it from
     * OrderCancelled); picked or packed goods must go back to stock, so that answers {@link Outcome#CONFLICT} for a
     * person. Dispatched or delivered: nothing can be undone here, the cancellation is recorded only and answers
     * {@link Outcome#CONFLICT} (a return or a credit note is a person's decision). A cancelled order stays as it is.
     */
    public Outcome cancelInErp(String reason, Instant at, String source) {
        return switch (status) {
            case CANCELLED, REJECTED -> Outcome.SAME;
            case DISPATCHED, DELIVERED -> {
                note(status, at, source, "cancelled in Odoo after dispatch, not applied: " + reason,
                        HistoryEntry.Note.ERP_CANCELLED_AFTER_DISPATCH);
                yield Outcome.CONFLICT;
            }
            default -> {
                boolean goodsPicked = status == OrderStatus.PICKED || status == OrderStatus.PACKED;
                cancelReason = reason;
                cancelledAt = at;
                holdReason = null;
                syncDueAt = null;
                syncClaimedUntil = null;
                moveTo(OrderStatus.CANCELLED, at, source, reason);
                yield goodsPicked ? Outcome.CONFLICT : Outcome.APPLIED;
            }
        };
    }

    /**
     * One of the order's transfers was validated in Odoo. When every transfer Odoo made for the order is done (in a
     * multi-step route the delivery is the last), the goods have left: the order reaches DISPATCHED. A transfer not
     * known from the confirmation (a backorder, a later step) joins the order's transfers.
     */
    public Outcome pickingDone(long pickingId, String pickingName, String trackingRef, Instant at, String source) {
        if (odooOrderId == null) {
            note(status, at, source, "Odoo transfer " + pickingName + " done before the order was released",
                    HistoryEntry.Note.EARLY_TRANSFER);
            return Outcome.NOT_RELEASED;
        }
        Set<Long> pickings = ids(odooPickingIds);
        Set<Long> done = ids(odooPickingsDone);
        if (!done.add(pickingId)) {
            return Outcome.SAME;
        }
        if (pickings.add(pickingId)) {
            odooPickingIds = join(pickings);
        }
        odooPickingsDone = join(done);
        if (!done.containsAll(pickings)) {
            return Outcome.SAME;
        }
        return reach(OrderStatus.DISPATCHED, at, source,
                "Odoo transfer " + pickingName + " done" + (trackingRef == null ? "" : ", tracking " + trackingRef), true);
    }

    /**
     * A customer invoice for the order was posted in Odoo. The first one marks the order invoiced (whatever its status:
     * Odoo may invoice before delivery); later ones (partial invoicing) are added to the invoice names.
     */
    public Outcome invoiced(String invoiceName, Instant at, String source) {
        String name = invoiceName == null ? "(unnamed)" : invoiceName;
        if (invoiceNames != null && List.of(invoiceNames.split(", ")).contains(name)) {
            return Outcome.SAME;
        }
        if (invoicedAt == null || at.isBefore(invoicedAt)) {
            invoicedAt = at;
        }
        String names = invoiceNames == null ? name : invoiceNames + ", " + name;
        invoiceNames = names.length() <= 200 ? names : names.substring(0, 197) + "...";
        note(status, at, source, "invoiced in Odoo: " + name, HistoryEntry.Note.INVOICED);
        return Outcome.APPLIED;
    }

    /** When the order first reached {@code milestone} or was reported there (late reports included); null if never. */
    public Instant reachedAt(OrderStatus milestone) {
        return history.stream()
                .filter(entry -> entry.status() == milestone
                        && (entry.note() == null || entry.note().reportsMilestone()))
                .map(HistoryEntry::at)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private void note(OrderStatus about, Instant at, String source, String detail, HistoryEntry.Note note) {
        history.add(new HistoryEntry(about, at, source, detail, note));
    }

    private static String describe(String detail) {
        return detail == null ? "reported" : detail;
    }

    private static Set<Long> ids(String joined) {
        Set<Long> ids = new LinkedHashSet<>();
        if (joined != null && !joined.isEmpty()) {
            Arrays.stream(joined.split(",")).map(Long::valueOf).forEach(ids::add);
        }
        return ids;
    }

    private static String join(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The per-order sequence number of the next event about this order. */
    public long nextSequence() {
        return ++eventSequence;
    }

    /** Whether the order was accepted at some point (its OrderAccepted was published then). */
    public boolean wasAccepted() {
        return history.stream().anyMatch(entry -> entry.status() == OrderStatus.ACCEPTED);
    }

    /** A worker holds the order while it talks to Odoo. */
    public boolean inHandOver(Instant now) {
        return syncClaimedUntil != null && syncClaimedUntil.isAfter(now);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new OrderStateException(id, status, "Cannot " + action + " order " + id + ": it is " + status);
        }
    }

    private void moveTo(OrderStatus next, Instant at, String source, String detail) {
        if (status != null && !status.next().contains(next)) {
            throw new OrderStateException(id, status, "Order " + id + " cannot go from " + status + " to " + next);
        }
        status = next;
        updatedAt = at;
        history.add(new HistoryEntry(next, at, source, detail));
    }

    public UUID id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    public String externalId() {
        return externalId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String warehouse() {
        return warehouse;
    }

    public Customer customer() {
        return new Customer(customerName, customerEmail, street, city, postalCode, country);
    }

    public OrderStatus status() {
        return status;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String holdReason() {
        return holdReason;
    }

    public Instant shipBy() {
        return shipBy;
    }

    /** The Odoo sale order, once confirmed there; null before. */
    public OdooOrder odoo() {
        if (odooOrderId == null) {
            return null;
        }
        List<Long> pickings = odooPickingIds == null || odooPickingIds.isEmpty()
                ? List.of()
                : Arrays.stream(odooPickingIds.split(",")).map(Long::valueOf).toList();
        return new OdooOrder(odooOrderId, odooName, pickings);
    }

    public Instant odooSyncedAt() {
        return odooSyncedAt;
    }

    public int syncAttempts() {
        return syncAttempts;
    }

    public Instant syncDueAt() {
        return syncDueAt;
    }

    public String syncError() {
        return syncError;
    }

    /** Who fulfils the order, once released; null before. */
    public Fulfiller fulfiller() {
        return fulfillerType == null ? null : new Fulfiller(fulfillerType, fulfillerId);
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** When Odoo posted the order's first customer invoice; null before. */
    public Instant invoicedAt() {
        return invoicedAt;
    }

    /** The names of the order's posted customer invoices in Odoo, comma separated; null before the first. */
    public String invoiceNames() {
        return invoiceNames;
    }

    public long version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
