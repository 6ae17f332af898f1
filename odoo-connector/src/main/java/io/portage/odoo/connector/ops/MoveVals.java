package io.portage.odoo.connector.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code account.move} values of a {@link MoveRequest}: invoice lines for documents, debit/credit lines (or amounts
 * in a currency) for entries.
 */
final class MoveVals {

    private MoveVals() {
    }

    /** {@code currencyIds}: the {@code res.currency} id of each ISO code the move or its lines name. */
    static Map<String, Object> of(MoveRequest move, Map<String, Long> currencyIds) {
        Long currencyId = move.currency() == null ? null : currencyIds.get(move.currency());
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("move_type", move.kind().moveType());
        vals.put("ref", move.ref());
        if (move.partnerId() > 0) {
            vals.put("partner_id", move.partnerId());
        }
        if (currencyId != null) {
            vals.put("currency_id", currencyId);
        }
        if (move.reversedEntryId() != null) {
            vals.put("reversed_entry_id", move.reversedEntryId());
        }
        List<Object> lines = new ArrayList<>();
        if (move.kind().invoice()) {
            if (move.date() != null) {
                vals.put("invoice_date", move.date().toString());
            }
            if (move.dueDate() != null) {
                vals.put("invoice_date_due", move.dueDate().toString());
            }
            for (MoveLine line : move.lines()) {
                Map<String, Object> lineVals = new LinkedHashMap<>();
                if (line.productId() != null) {
                    lineVals.put("product_id", line.productId());
                }
                if (line.label() != null) {
                    lineVals.put("name", line.label());
                }
                lineVals.put("quantity", line.quantity().doubleValue());
                if (line.priceUnit() != null) {
                    lineVals.put("price_unit", line.priceUnit().doubleValue());
                }
                if (line.accountId() != null) {
                    lineVals.put("account_id", line.accountId());
                }
                lines.add(List.of(0, 0, lineVals));
            }
            vals.put("invoice_line_ids", lines);
        } else {
            if (move.date() != null) {
                vals.put("date", move.date().toString());
            }
            for (MoveLine line : move.lines()) {
                Map<String, Object> lineVals = new LinkedHashMap<>();
                lineVals.put("account_id", line.accountId());
                if (line.label() != null) {
                    lineVals.put("name", line.label());
                }
                if (line.amountCurrency() != null) {
                    lineVals.put("currency_id", currencyIds.get(line.currency()));
                    lineVals.put("amount_currency", line.amountCurrency().doubleValue());
                } else {
                    lineVals.put("debit", line.debit() == null ? 0.0 : line.debit().doubleValue());
                    lineVals.put("credit", line.credit() == null ? 0.0 : line.credit().doubleValue());
                }
                lines.add(List.of(0, 0, lineVals));
            }
            vals.put("line_ids", lines);
        }
        return vals;
    }
}
