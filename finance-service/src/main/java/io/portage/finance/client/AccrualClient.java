package io.portage.finance.client;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.MoveResult;
import io.portage.odoo.connector.ops.OdooOperations;
import io.smallrye.mutiny.Uni;

/**
 * Freight accruals in Odoo through the connector: a journal entry in the MISC journal between two accounts found by
 * code, keyed by its ref (never made twice), and its reversal through Odoo's reversal wizard (never twice either).
 */
@ApplicationScoped
public class AccrualClient {

    private final OdooOperations odoo;

    public AccrualClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** A move as Odoo holds it. */
    public record PostedMove(long id, String name, String state, BigDecimal total) {

        static PostedMove of(MoveResult move) {
            return new PostedMove(move.id(), move.name(), move.state(), move.amountTotal());
        }
    }

    /** {@code currency}: the amount's ISO code, which Odoo converts at its rate of {@code date}; null: company amounts. */
    public Uni<PostedMove> accrue(String ref, LocalDate date, String label, BigDecimal amount, String currency,
            String debitCode, String creditCode) {
        return CallerContext.emitOnCaller(odoo.accounting()
                .postEntryByCodes(ref, date, label, amount, currency, debitCode, creditCode)
                .map(PostedMove::of));
    }

    public Uni<PostedMove> reverse(long moveId, LocalDate date, String reason) {
        return CallerContext.emitOnCaller(odoo.accounting().reverseMove(moveId, date, reason, null).map(PostedMove::of));
    }
}
