package io.portage.order.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.portage.contracts.PersonalData;
import io.portage.order.domain.Cancellation;
import io.portage.order.domain.Fulfiller;
import io.portage.order.domain.Intake;
import io.portage.order.domain.Invoicing;
import io.portage.order.domain.OdooLink;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderHistory;
import io.portage.order.domain.OrderStatus;
import io.portage.order.domain.Release;
import io.portage.order.service.OrderService;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An order as the API shows it: what was ordered, where it is (status, hold reason, Odoo's order, who fulfils it) and
 * how it got there (history).
 */
@RegisterForReflection
public record OrderView(UUID id, String channel, String externalId, String partnerId, String warehouse, String status,
        String holdReason, Customer customer, List<Line> lines, Odoo odoo, HandOver handOver, Fulfilment fulfiller,
        Instant receivedAt, Instant shipBy, Instant releasedAt, Instant cancelledAt, String cancelReason,
        Milestones milestones, Invoice invoice, long version, List<Step> history) {

    /**
     * When the order reached (or was reported at) each fulfilment milestone, from its history: a milestone reported
     * late still has its time here. Null for one not reached.
     */
    @RegisterForReflection
    public record Milestones(Instant released, Instant picked, Instant packed, Instant dispatched, Instant delivered,
            Instant invoiced, Instant cancelled) {
    }

    /** Odoo's customer invoices for the order: when the first was posted, and their names. */
    @RegisterForReflection
    public record Invoice(Instant invoicedAt, String names) {
    }

    /** Ship-to party. */
    @RegisterForReflection
    public record Customer(String name, String email, String street, String city, String postalCode, String country) {

        @Override
        public String toString() {
            return "Customer[name=" + PersonalData.mask(name) + ", email=" + PersonalData.maskText(email) + ", street="
                    + PersonalData.mask(street) + ", city=" + city + ", postalCode=" + postalCode + ", country=" + country
                    + "]";
        }
    }

    /** One line: the channel's SKU, Odoo's SKU it maps to, the quantity. */
    @RegisterForReflection
    public record Line(int lineNo, String sku, String productSku, BigDecimal quantity) {
    }

    /** The sale order in Odoo. */
    @RegisterForReflection
    public record Odoo(long id, String name, String erpRef, List<Long> pickingIds, Instant confirmedAt) {
    }

    /** An accepted order waiting for Odoo: attempts so far, next attempt, last error. */
    @RegisterForReflection
    public record HandOver(int attempts, Instant nextAttemptAt, String lastError) {
    }

    /** Who picks and ships it. */
    @RegisterForReflection
    public record Fulfilment(String type, String id) {
    }

    /**
     * One step of the history: a change of status, or (with {@code note}) something recorded without one: LATE,
     * NOT_RELEASED and AFTER_CANCELLATION milestones, INVOICED, ERP_CANCELLED_AFTER_DISPATCH, EARLY_TRANSFER.
     */
    @RegisterForReflection
    public record Step(String status, Instant at, String source, String detail, String note) {
    }

    /** The answer to a submission: 201 with its Location for a new order, 200 for one received before. */
    static Response response(OrderService.Received received) {
        OrderView view = of(received.order());
        return received.created()
                ? Response.created(URI.create("/api/v1/orders/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    static OrderView of(Order order) {
        io.portage.order.domain.Customer customer = order.customer();
        Intake intake = order.intake();
        OdooLink odoo = order.odoo();
        Release release = order.release();
        Fulfiller fulfiller = release == null ? null : release.fulfiller();
        Instant releasedAt = release == null ? null : release.at();
        Cancellation cancellation = order.cancellation();
        Instant cancelledAt = cancellation == null ? null : cancellation.at();
        OrderHistory history = order.history();
        Invoicing invoicing = order.invoicing();
        return new OrderView(order.id(), intake.channel(), intake.externalId(), intake.partnerId(), intake.warehouse(),
                order.status().name(), order.holdReason(),
                new Customer(customer.name(), customer.email(), customer.street(), customer.city(), customer.postalCode(),
                        customer.country()),
                order.lines()
                        .stream()
                        .map(line -> new Line(line.lineNo(), line.sku(), line.productSku(), line.quantity()))
                        .toList(),
                odoo == null ? null : new Odoo(odoo.id(), odoo.name(), odoo.erpRef(), odoo.pickingIds(), odoo.syncedAt()),
                order.status() == OrderStatus.ACCEPTED
                        ? new HandOver(order.handOver().attempts(), order.handOver().dueAt(), order.handOver().error())
                        : null,
                fulfiller == null ? null : new Fulfilment(fulfiller.type().name(), fulfiller.id()),
                intake.receivedAt(), order.shipBy(), releasedAt, cancelledAt,
                cancellation == null ? null : cancellation.reason(),
                new Milestones(releasedAt, history.reachedAt(OrderStatus.PICKED), history.reachedAt(OrderStatus.PACKED),
                        history.reachedAt(OrderStatus.DISPATCHED), history.reachedAt(OrderStatus.DELIVERED),
                        invoicing == null ? null : invoicing.invoicedAt(), cancelledAt),
                invoicing == null ? null : new Invoice(invoicing.invoicedAt(), invoicing.names()),
                order.version(),
                history.entries()
                        .stream()
                        .map(step -> new Step(step.status().name(), step.at(), step.source(), step.detail(),
                                step.note() == null ? null : step.note().name()))
                        .toList());
    }
}
