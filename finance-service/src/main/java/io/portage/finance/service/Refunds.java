package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.finance.client.CreditNoteClient;
import io.portage.finance.config.AuditConfig;
import io.portage.finance.config.FinanceOdooConfig;
import io.portage.finance.config.RefundConfig;
import io.portage.finance.domain.OrderInvoice;
import io.portage.finance.domain.Posting;
import io.portage.finance.domain.Refund;
import io.portage.finance.domain.ShipmentFact;
import io.portage.finance.domain.ShipmentInvoice;
import io.portage.finance.repository.OrderInvoiceRepository;
import io.portage.finance.repository.PostingRepository;
import io.portage.finance.repository.RefundRepository;
import io.portage.finance.repository.ShipmentFactRepository;
import io.portage.finance.repository.ShipmentInvoiceRepository;
import io.portage.kit.ops.AuditLog;
import io.portage.kit.ops.ExceptionQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Customer refunds for returns: a return received in acceptable condition credits its order's invoice in Odoo (a
 * credit note by reversal of the whole invoice); above {@code portage.finance.refunds.approval-threshold} it waits for a
 * person with the {@value #APPROVER} role, whose approval or refusal is audited with their name. A return received before
 * its order's invoice waits for it; one not refundable (condition, no invoice in time) is raised for finance.
 */
@ApplicationScoped
public class Refunds {

    /** The realm role that approves refunds above the threshold. */
    public static final String APPROVER = "finance-approver";
    /** The exception type of a refund waiting for an approver. */
    public static final String NEEDS_APPROVAL = "finance.refund-approval";
    /** The exception type of a return that is not refunded automatically. */
    public static final String NOT_REFUNDABLE = "finance.refund-not-refundable";

    private final RefundRepository refunds;
    private final ShipmentFactRepository facts;
    private final OrderInvoiceRepository invoices;
    private final ShipmentInvoiceRepository shipmentInvoices;
    private final PostingRepository postings;
    private final ExceptionQueue exceptions;
    private final AuditLog audit;
    private final CreditNoteClient odoo;
    private final RefundConfig config;
    private final AuditConfig owners;
    private final FinanceJson json;
    private final ExchangeRates rates;
    private final FinanceOdooConfig writes;
    private final Clock clock = Clock.systemUTC();

    public Refunds(RefundRepository refunds, ShipmentFactRepository facts, OrderInvoiceRepository invoices,
            ShipmentInvoiceRepository shipmentInvoices, PostingRepository postings, ExceptionQueue exceptions, AuditLog audit,
            CreditNoteClient odoo, RefundConfig config,
            AuditConfig owners, FinanceJson json, FinanceOdooConfig writes, ExchangeRates rates) {
        this.writes = writes;
        this.rates = rates;
        this.shipmentInvoices = shipmentInvoices;
        this.refunds = refunds;
        this.facts = facts;
        this.invoices = invoices;
        this.postings = postings;
        this.exceptions = exceptions;
        this.audit = audit;
        this.odoo = odoo;
        this.config = config;
        this.owners = owners;
        this.json = json;
    }

    /** Opens a refund per return not seen before, in the consumer's transaction. */
    public Uni<Void> received(List<InvoiceFact.Returned> returns) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (InvoiceFact.Returned returned : returns) {
            chain = chain.chain(() -> refunds.byReturn(returned.returnId())
                    .chain(known -> known != null
                            ? Uni.createFrom().voidItem()
                            : open(returned)));
        }
        return chain;
    }

    private Uni<Void> open(InvoiceFact.Returned returned) {
        Refund refund = new Refund(returned.returnId(), returned.shipmentId(), returned.eventId(), returned.correlationId(),
                returned.at());
        List<String> refused = returned.conditions().stream().filter(c -> !config.acceptableConditions().contains(c)).toList();
        if (!refused.isEmpty()) {
            refund.notRefundable(null, "returned in condition " + String.join(", ", refused));
            return refunds.persist(refund).chain(() -> raise(NOT_REFUNDABLE, owners.ownerRole(), refund));
        }
        return attach(refund)
                .chain(attached -> attached ? Uni.createFrom().voidItem() : refunds.persist(refund).replaceWithVoid());
    }

    /**
     * Gives the refund the posted invoice to credit - its shipment's, or the order's when another invoice carried the
     * shipment - approved by the policy or waiting for an approver (persisted with it); answers false, changing nothing,
     * when the order or that invoice is not known yet.
     */
    private Uni<Boolean> attach(Refund refund) {
        return facts.findById(new ShipmentFact.Key(refund.shipmentId(), ShipmentFact.Kind.CREATED)).chain(created -> {
            if (created == null) {
                refund.waitForInvoice(null);
                return Uni.createFrom().item(false);
            }
            return invoices.findById(created.orderId())
                    .chain(order -> shipmentInvoices.findById(new ShipmentInvoice.Key(created.orderId(),
                            refund.shipmentId())).chain(shipment -> {
                                Long invoiceId = invoiceToCredit(order, shipment);
                                if (invoiceId == null) {
                                    refund.waitForInvoice(created.orderId());
                                    return Uni.createFrom().item(false);
                                }
                                return credit(refund, created.orderId(), invoiceId);
                            }));
        });
    }

    /** The shipment's posted invoice; else the order's first when the shipment is invoiced without one of its own. */
    private static Long invoiceToCredit(OrderInvoice order, ShipmentInvoice shipment) {
        if (shipment != null && shipment.status() == ShipmentInvoice.Status.INVOICED && shipment.invoiceIds() != null
                && !shipment.invoiceIds().isEmpty()) {
            return Long.parseLong(shipment.invoiceIds().split(",")[0]);
        }
        boolean carriedByAnother = shipment == null
                ? order != null && order.status() == OrderInvoice.Status.INVOICED
                : shipment.status() == ShipmentInvoice.Status.INVOICED;
        return carriedByAnother && order.invoiceIds() != null && !order.invoiceIds().isEmpty()
                ? Long.parseLong(order.invoiceIds().split(",")[0])
                : null;
    }

    private Uni<Boolean> credit(Refund refund, String orderId, long invoiceId) {
        return postings.of(invoiceId, null).chain(posted -> {
            Posting invoice = posted.stream()
                    .filter(p -> Posting.Kind.CUSTOMER_INVOICE.name().equals(p.kind()))
                    .findFirst()
                    .orElse(null);
            BigDecimal amount = invoice == null ? null : invoice.amount();
            boolean approval = amount == null || amount.compareTo(config.approvalThreshold()) > 0;
            refund.toCredit(orderId, invoiceId, amount, invoice == null ? null : invoice.currency(), approval,
                    clock.instant());
            return (refunds.isPersistent(refund) ? Uni.createFrom().item(refund) : refunds.persist(refund))
                    .chain(() -> approval ? raise(NEEDS_APPROVAL, APPROVER, refund) : Uni.createFrom().voidItem())
                    .replaceWith(true);
        });
    }

    /**
     * Returns waiting for their order's invoice: credited (or put to an approver) once the invoice is posted; raised for
     * finance as not refundable when it is still missing {@code invoice-wait} after the return was received.
     */
    @Scheduled(every = "${portage.finance.refunds.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> settleWaiting() {
        return Panache.withSession(() -> refunds.settleable(clock.instant().minus(config.invoiceWait()), 50)).chain(waiting -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Refund one : waiting) {
                chain = chain.chain(() -> Panache.withTransaction(() -> refunds.findById(one.id()).chain(refund -> {
                    if (refund == null || refund.status() != Refund.Status.WAITING_FOR_INVOICE) {
                        return Uni.createFrom().voidItem();
                    }
                    return attach(refund).chain(attached -> {
                        if (attached || clock.instant().isBefore(refund.receivedAt().plus(config.invoiceWait()))) {
                            return Uni.createFrom().voidItem();
                        }
                        refund.notRefundable(refund.orderId(), "the order has no customer invoice to credit "
                                + config.invoiceWait() + " after the return was received");
                        return raise(NOT_REFUNDABLE, owners.ownerRole(), refund);
                    });
                })).onFailure().recoverWithItem(failure -> {
                    Log.warnf("The refund of return %s is not settled yet: %s", one.returnId(), failure.getMessage());
                    return null;
                }));
            }
            return chain;
        });
    }

    private Uni<Void> raise(String type, String owner, Refund refund) {
        String summary = "Return " + refund.returnId() + " of shipment " + refund.shipmentId()
                + (type.equals(NEEDS_APPROVAL)
                        ? ": credit " + refund.amount().toPlainString() + " " + refund.currency() + " on invoice "
                                + refund.invoiceId() + " waits for approval"
                        : ": not refunded, " + refund.reason());
        return exceptions.raise(type, owner, "refund:" + refund.id(), summary, json.write(Map.of("refundId",
                refund.id().toString(), "returnId", refund.returnId(), "eventId", refund.eventId()))).replaceWithVoid();
    }

    /** A finance approver's decision, audited with their name; the waiting exception is settled. */
    @WithSpan("Refunds.decide")
    public Uni<Refund> decide(UUID id, boolean approve, String person, String reason, String correlationId) {
        return Panache.withTransaction(() -> refunds.findById(id).chain(refund -> {
            if (refund == null) {
                throw new UnknownRefundException(id);
            }
            if (!refund.decide(approve, person, reason, clock.instant())) {
                throw new RefundNotPendingException(id, refund.status().name());
            }
            String action = approve ? "refund.approve" : "refund.refuse";
            String detail = "return " + refund.returnId() + ", invoice " + refund.invoiceId() + ", "
                    + refund.amount().toPlainString() + " " + refund.currency() + (reason == null ? "" : ": " + reason);
            return audit.record(person, action, "refund:" + id, "done", detail, correlationId)
                    .chain(() -> exceptions.settle(NEEDS_APPROVAL, "refund:" + id, person, approve
                            ? "approved"
                            : "refused: "
                                    + reason,
                            correlationId))
                    .replaceWith(refund);
        }));
    }

    public Uni<List<Refund>> list(Refund.Status status, int limit) {
        return Panache.withSession(() -> refunds.withStatus(status, limit));
    }

    @Scheduled(every = "${portage.finance.refunds.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> creditApproved() {
        if (!writes.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> refunds.withStatus(Refund.Status.APPROVED, 50)).chain(approved -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Refund refund : approved) {
                chain = chain.chain(() -> credit(refund).onFailure().recoverWithUni(failure -> {
                    Log.warnf("The credit note of return %s is not made yet: %s", refund.returnId(), failure.getMessage());
                    return Panache.withTransaction(() -> refunds.findById(refund.id())
                            .invoke(row -> row.failed(String.valueOf(failure.getMessage())))).replaceWithVoid();
                }));
            }
            return chain;
        });
    }

    private Uni<Void> credit(Refund refund) {
        return odoo.credit(refund.invoiceId(), LocalDate.now(clock), "Return " + refund.returnId())
                .chain(note -> rates.bookedOrUnknown(note.id())
                        .chain(booked -> Panache.withTransaction(() -> refunds
                                .findById(refund.id())
                                .chain(row -> {
                                    row.credited(note.id(), note.name());
                                    return postings.persist(ExchangeRates.withBooking(new Posting(Posting.Kind.CREDIT_NOTE,
                                            note.id(), note.name(), "return/" + refund.returnId(), refund.amount(), refund
                                                    .currency(),
                                            json.write(Map.of("events", List.of(refund.eventId()),
                                                    "invoice", refund.invoiceId(), "approvedBy", refund.decidedBy())),
                                            refund.correlationId(), clock.instant()), booked));
                                }))))
                .replaceWithVoid();
    }

}
