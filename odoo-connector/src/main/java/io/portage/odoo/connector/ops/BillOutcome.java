package io.portage.odoo.connector.ops;

import io.portage.odoo.connector.error.OdooErrors;
import io.portage.odoo.connector.error.OdooException;

/**
 * What one vendor bill of {@link AccountingOperations#postVendorBills} ended with: the bill Odoo holds (posted, or as
 * someone left it in Odoo), or why there is none - Odoo's refusal of this bill, or Portage's refusal of a second bill
 * with another total under the same vendor and reference.
 */
public record BillOutcome(MoveRequest request, MoveResult bill, OdooException failure) {

    static BillOutcome of(MoveRequest request, MoveResult bill) {
        return new BillOutcome(request, bill, null);
    }

    static BillOutcome failed(MoveRequest request, Throwable failure) {
        return new BillOutcome(request, null, OdooErrors.fromThrowable(failure));
    }
}
