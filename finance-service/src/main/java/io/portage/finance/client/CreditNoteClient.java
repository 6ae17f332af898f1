package io.portage.finance.client;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.OdooOperations;
import io.smallrye.mutiny.Uni;

/**
 * Credit notes in Odoo through the connector: the reversal wizard on a posted customer invoice (an {@code out_refund}
 * for the whole invoice, {@code reversed_entry_id} set), posted, never a second one for the same invoice (ODOO.md).
 */
@ApplicationScoped
public class CreditNoteClient {

    private final OdooOperations odoo;

    public CreditNoteClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** A credit note as Odoo holds it. */
    public record CreditNote(long id, String name, String state) {
    }

    public Uni<CreditNote> credit(long invoiceId, LocalDate date, String reason) {
        return CallerContext.emitOnCaller(odoo.refunds()
                .creditInvoice(invoiceId, date, reason)
                .map(move -> new CreditNote(move.id(), move.name(), move.state())));
    }
}
