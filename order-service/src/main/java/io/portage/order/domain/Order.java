package io.portage.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.portage.order.domain.HistoryEntry.Note;

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
    @Embedded
    private Intake intake;
    @Embedded
    private Customer customer;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "event_sequence")
    private long eventSequence;
    @Column(name = "hold_reason")
    private String holdReason;
    @Column(name = "ship_by")
    private Instant shipBy;
    @Embedded
    private OdooLink odoo;
    @Embedded
    private HandOverTicket handOver = new HandOverTicket();
    @Embedded
    private Release release;
    @Embedded
    private Cancellation cancellation;
    @Embedded
    private Invoicing invoicing;
    @Version
    private long version;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();
    @Embedded
    private OrderHistory history = new OrderHistory();

    protected Order() {
    }

    /** A newly received order with its lines, numbered from 1 in the order given. */
    public static Order receive(Intake intake, Customer customer, List<OrderLine.Item> items) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.intake = intake;
        order.customer = customer;
        order.eventSequence = 1;
        order.lines.addAll(OrderLine.numbered(order, items));
        order.moveTo(OrderStatus.RECEIVED, intake.receivedAt(), "intake:" + intake.channel(), null);
        return order;
    }

    /** Maps each line's channel SKU to Odoo's through the channel's {@code mapping}; an unmapped one is taken as is. */
    public void mapSkus(Map<String, String> mapping) {
        lines.forEach(line -> line.mapTo(mapping.getOrDefault(line.sku(), line.sku())));
    }

    /** The checks passed: the order waits for Odoo, due now, and must ship within {@code shipWithin} of receipt. */
    public void accept(Instant now, Duration shipWithin, String source) {
        require(status == OrderStatus.RECEIVED || status == OrderStatus.ON_HOLD, "accept");
        holdReason = null;
        if (shipBy == null) {
            shipBy = intake.receivedAt().plus(shipWithin);
        }
        handOver.dueAt(now);
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
        handOver.withdraw();
        moveTo(OrderStatus.ON_HOLD, now, source, reason);
    }

    /** Handing the order to Odoo failed for a reason that passes (Odoo away): it is due again at {@code retryAt}. */
    public void handOverFailed(String error, Instant retryAt) {
        require(status == OrderStatus.ACCEPTED, "retry the hand-over to Odoo of");
        handOver.fail(error, retryAt);
    }

    /** Odoo confirmed the order: it is released to {@code fulfiller}. */
    public void release(OdooOrder odoo, Fulfiller fulfiller, Instant now) {
        require(status == OrderStatus.ACCEPTED, "release");
        this.odoo = OdooLink.confirmed(odoo, now);
        handOver.clear();
        release = Release.to(fulfiller, now);
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
        requireNotInHandOver(now);
        this.customer = customer != null ? customer : this.customer;
        if (dropLines) {
            lines.clear();
        }
        updatedAt = now;
        history.note(status, now, source, detail, Note.CHANGED);
    }

    /** The new lines of a change, numbered from 1 (after {@link #change} dropped the old ones). */
    public void replaceLines(List<OrderLine.Item> items) {
        if (!lines.isEmpty()) {
            throw new IllegalStateException("The old lines of order " + id + " are still there");
        }
        lines.addAll(OrderLine.numbered(this, items));
    }

    /**
     * Cancels the order before release. Not while a worker is handing it to Odoo ({@code now} before the claim runs
     * out): that ends in release or in a retry within seconds, and the caller is told to try again.
     */
    public void cancel(String reason, Instant now, String source) {
        require(status.beforeRelease(), "cancel");
        requireNotInHandOver(now);
        cancellation = new Cancellation(now, reason);
        holdReason = null;
        handOver.withdraw();
        moveTo(OrderStatus.CANCELLED, now, source, reason);
    }

    /**
     * A fulfilment milestone (picked, packed, dispatched, delivered) reported by another service at {@code at}.
     * Applied when it moves the order forward; one the order is past already is recorded in the history only (or not
     * at all when {@code recordLate} is false, e.g. a tracking scan after delivery), so a late or out-of-order event
     * never moves the order back. A milestone after a cancellation is recorded and answered
     * {@link FulfilmentOutcome#CONFLICT}.
     */
    public FulfilmentOutcome reach(OrderStatus milestone, Instant at, String source, String detail, boolean recordLate) {
        if (!milestone.milestone()) {
            throw new IllegalArgumentException(milestone + " is not a fulfilment milestone");
        }
        if (status == milestone) {
            return FulfilmentOutcome.SAME;
        }
        if (status.next().contains(milestone)) {
            moveTo(milestone, at, source, detail);
            return FulfilmentOutcome.APPLIED;
        }
        String reported = detail == null ? "reported" : detail;
        if (status == OrderStatus.CANCELLED) {
            history.note(milestone, at, source, "after the cancellation: " + reported, Note.AFTER_CANCELLATION);
            return FulfilmentOutcome.CONFLICT;
        }
        if (status.beforeRelease() || status == OrderStatus.REJECTED) {
            history.note(milestone, at, source, "not applied: the order is " + status + "; " + reported, Note.NOT_RELEASED);
            return FulfilmentOutcome.NOT_RELEASED;
        }
        if (recordLate) {
            history.note(milestone, at, source, "late: the order was already " + status + "; " + reported, Note.LATE);
        }
        return FulfilmentOutcome.LATE;
    }

    /**
     * Odoo cancelled the sale order. Released, picked or packed: the order is CANCELLED (the fulfiller learns it from
     * OrderCancelled); picked or packed goods must go back to stock, so that answers a {@code CONFLICT} for a person.
     * Dispatched or delivered: nothing can be undone here, the cancellation is recorded only and answers a
     * {@code CONFLICT} (a return or a credit note is a person's decision). A cancelled order stays as it is.
     */
    public FulfilmentOutcome cancelInErp(String reason, Instant at, String source) {
        return switch (status) {
            case CANCELLED, REJECTED -> FulfilmentOutcome.SAME;
            case DISPATCHED, DELIVERED -> {
                history.note(status, at, source, "cancelled in Odoo after dispatch, not applied: " + reason,
                        Note.ERP_CANCELLED_AFTER_DISPATCH);
                yield FulfilmentOutcome.CONFLICT;
            }
            default -> {
                boolean goodsPicked = status == OrderStatus.PICKED || status == OrderStatus.PACKED;
                cancellation = new Cancellation(at, reason);
                holdReason = null;
                handOver.withdraw();
                moveTo(OrderStatus.CANCELLED, at, source, reason);
                yield goodsPicked ? FulfilmentOutcome.CONFLICT : FulfilmentOutcome.APPLIED;
            }
        };
    }

    /**
     * One of the order's transfers was validated in Odoo. When every transfer Odoo made for the order is done (in a
     * multi-step route the delivery is the last), the goods have left: the order reaches DISPATCHED. A transfer not
     * known from the confirmation (a backorder, a later step) joins the order's transfers.
     */
    public FulfilmentOutcome pickingDone(long pickingId, String pickingName, String trackingRef, Instant at, String source) {
        if (odoo == null) {
            history.note(status, at, source, "Odoo transfer " + pickingName + " done before the order was released",
                    Note.EARLY_TRANSFER);
            return FulfilmentOutcome.NOT_RELEASED;
        }
        if (odoo.pickingDone(pickingId) != OdooLink.Progress.ALL_DONE) {
            return FulfilmentOutcome.SAME;
        }
        return reach(OrderStatus.DISPATCHED, at, source,
                "Odoo transfer " + pickingName + " done" + (trackingRef == null ? "" : ", tracking " + trackingRef), true);
    }

    /**
     * A customer invoice for the order was posted in Odoo. The first one marks the order invoiced (whatever its status:
     * Odoo may invoice before delivery); later ones (partial invoicing) are added to the invoice names.
     */
    public FulfilmentOutcome invoiced(String invoiceName, Instant at, String source) {
        String name = invoiceName == null ? "(unnamed)" : invoiceName;
        invoicing = invoicing == null ? new Invoicing() : invoicing;
        if (!invoicing.add(name, at)) {
            return FulfilmentOutcome.SAME;
        }
        history.note(status, at, source, "invoiced in Odoo: " + name, Note.INVOICED);
        return FulfilmentOutcome.APPLIED;
    }

    /** The per-order sequence number of the next event about this order. */
    public long nextSequence() {
        return ++eventSequence;
    }

    /** Not while a worker is handing the order to Odoo: that ends in release or a retry within seconds. */
    private void requireNotInHandOver(Instant now) {
        if (handOver.claimed(now)) {
            throw new OrderStateException(id, status,
                    "Order " + id + " is being confirmed in Odoo right now; ask again in a few seconds");
        }
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
        history.moved(next, at, source, detail);
    }

    public UUID id() {
        return id;
    }

    /** How the order came in: channel, its id there, partner, warehouse, correlation id, when. */
    public Intake intake() {
        return intake;
    }

    public Customer customer() {
        return customer;
    }

    public OrderStatus status() {
        return status;
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
    public OdooLink odoo() {
        return odoo;
    }

    /** The order's place in the queue of hand-overs to Odoo. */
    public HandOverTicket handOver() {
        return handOver;
    }

    /** Who fulfils the order and since when, once released; null before. */
    public Release release() {
        return release;
    }

    /** When and why the order was cancelled; null unless it was. */
    public Cancellation cancellation() {
        return cancellation;
    }

    /** The customer invoices Odoo posted for the order; null before the first. */
    public Invoicing invoicing() {
        return invoicing;
    }

    public long version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public OrderHistory history() {
        return history;
    }
}
