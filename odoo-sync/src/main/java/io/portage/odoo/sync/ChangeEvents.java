package io.portage.odoo.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.contracts.erp.ErpInvoicePosted;
import io.portage.contracts.erp.ErpOrderCancelled;
import io.portage.contracts.erp.ErpOrderConfirmed;
import io.portage.contracts.erp.ErpPickingDone;

/**
 * Which change of a transactional Odoo record is news, and the ERP event that says so: a sales order reaching
 * {@code sale} or {@code cancel}, a transfer reaching {@code done}, an invoice, bill or credit note reaching
 * {@code posted}. Other changes (a draft edited, a tracking number added) are recorded but announce nothing.
 */
final class ChangeEvents {

    /** An event to stage: its type and data. */
    record Change(EventType type, Object data) {
    }

    private static final Set<String> INVOICE_TYPES = Set.of("out_invoice", "out_refund", "in_invoice", "in_refund",
            "out_receipt", "in_receipt");

    static final String CONFIRMED = "sale";
    static final String CANCELLED = "cancel";

    private ChangeEvents() {
    }

    /** The state a followed record is in, as change capture records it. */
    static String state(OdooRow row) {
        return row.string("state");
    }

    /**
     * The event for a record that moved from {@code previous} (null when it was not followed before) to the state in
     * {@code row}, or nothing when that move is not news.
     */
    static Optional<Change> of(SyncedModel model, String previous, OdooRow row, String instance) {
        String state = state(row);
        if (state == null || state.equals(previous)) {
            return Optional.empty();
        }
        String erpRef = model.odooModel() + "/" + row.id();
        var changedAt = row.writeDate().toInstant(ZoneOffset.UTC);
        return switch (model) {
            case SALE_ORDER -> switch (state) {
                case CONFIRMED -> Optional.of(confirmed(row, changedAt, instance));
                case CANCELLED -> Optional.of(new Change(EventCatalog.ERP_ORDER_CANCELLED_V1,
                        new ErpOrderCancelled(erpRef, instance, row.id(), row.string("name"),
                                row.string("client_order_ref"), changedAt)));
                default -> Optional.empty();
            };
            case PICKING -> "done".equals(state)
                    ? Optional.of(new Change(EventCatalog.ERP_PICKING_DONE_V1,
                            new ErpPickingDone(erpRef, instance, row.id(), row.string("name"), row.string("origin"),
                                    row.many2oneName("picking_type_id"), row.many2oneId("sale_id"),
                                    row.string("carrier_tracking_ref"), row.instant("date_done"), changedAt)))
                    : Optional.empty();
            case INVOICE -> "posted".equals(state) && INVOICE_TYPES.contains(row.string("move_type"))
                    ? Optional.of(new Change(EventCatalog.ERP_INVOICE_POSTED_V1,
                            new ErpInvoicePosted(erpRef, instance, row.id(), row.string("name"),
                                    row.string("move_type"), row.string("ref"), row.string("invoice_origin"),
                                    row.many2oneId("partner_id"), row.many2oneName("partner_id"),
                                    row.decimal("amount_total"), row.date("invoice_date"), changedAt)))
                    : Optional.empty();
            default -> throw new IllegalArgumentException(model + " is master data, not a followed change");
        };
    }

    /** A sales order's confirmation, at {@code confirmedAt}. */
    static Change confirmed(OdooRow row, Instant confirmedAt, String instance) {
        return new Change(EventCatalog.ERP_ORDER_CONFIRMED_V1,
                new ErpOrderConfirmed(SyncedModel.SALE_ORDER.odooModel() + "/" + row.id(), instance, row.id(),
                        row.string("name"), row.string("client_order_ref"), row.many2oneId("partner_id"),
                        row.many2oneName("partner_id"), row.ids("picking_ids"), confirmedAt));
    }

    /**
     * The confirmation a poller missed: a sales order now cancelled, held in another state than confirmed (or not held
     * at all), whose chatter shows a confirmation at or after the version held. Answers its time, the first such one.
     */
    static Optional<Instant> confirmationMissed(String heldState, Instant heldWriteDate, OdooRow row,
            List<Instant> confirmations) {
        if (!CANCELLED.equals(state(row)) || CONFIRMED.equals(heldState) || CANCELLED.equals(heldState)) {
            return Optional.empty();
        }
        return confirmations.stream().filter(at -> heldWriteDate == null || !at.isBefore(heldWriteDate)).findFirst();
    }
}
