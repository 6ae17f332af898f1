package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An {@code account.move} to create and post, keyed by its business reference {@code ref} (unique per
 * {@code move_type}: prefix a carrier's invoice number with the carrier, for instance). Checked when built, so a request
 * Odoo would refuse for a reason Portage can see (an entry that does not balance, an invoice without a partner, a bill
 * without its date) never reaches Odoo.
 *
 * @param kind            customer invoice, vendor bill, credit note or journal entry
 * @param ref             Odoo's {@code ref}: the idempotency key
 * @param partnerId       the customer or vendor ({@code res.partner} id); required except for journal entries (0: none)
 * @param date            an invoice's {@code invoice_date} (a vendor bill's is required; a customer document without
 *                        one gets the day it is posted), or a journal entry's accounting {@code date} (null: today)
 * @param dueDate         an invoice's {@code invoice_date_due} (null: Odoo's default); not for journal entries
 * @param currency        ISO code of the document currency (null: the company currency); not for journal entries,
 *                        whose lines carry their own ({@link MoveLine#debitIn})
 * @param reversedEntryId the move this one reverses ({@code reversed_entry_id}): a credit note's invoice, or the
 *                        accrual a journal entry reverses
 * @param lines           invoice lines for invoices, bills and credit notes; debit and credit lines for journal entries
 */
public record MoveRequest(MoveKind kind, String ref, long partnerId, LocalDate date, LocalDate dueDate, String currency,
        Long reversedEntryId, List<MoveLine> lines) {

    public MoveRequest {
        if (kind == null) {
            throw new IllegalArgumentException("the move kind is required");
        }
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("ref is required: it is the idempotency key of the " + kind);
        }
        if (lines == null || lines.isEmpty() || lines.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(kind + " " + ref + " needs at least one line (and no null line)");
        }
        lines = List.copyOf(lines);
        if (currency != null && currency.isBlank()) {
            throw new IllegalArgumentException(kind + " " + ref + ": a currency, when given, is an ISO code");
        }
        if (reversedEntryId != null && (reversedEntryId <= 0 || kind == MoveKind.CUSTOMER_INVOICE
                || kind == MoveKind.VENDOR_BILL)) {
            throw new IllegalArgumentException(kind + " " + ref
                    + ": only a credit note or a journal entry reverses a move, by its positive id");
        }
        if (kind.invoice()) {
            checkInvoice(kind, ref, partnerId, date, lines);
        } else {
            checkEntry(ref, partnerId, dueDate, currency, lines);
        }
    }

    private static void checkInvoice(MoveKind kind, String ref, long partnerId, LocalDate date, List<MoveLine> lines) {
        if (partnerId <= 0) {
            throw new IllegalArgumentException(kind + " " + ref + " needs a partner");
        }
        if (kind == MoveKind.VENDOR_BILL && date == null) {
            throw new IllegalArgumentException("vendor bill " + ref + " needs its bill date: Odoo does not post a bill "
                    + "without invoice_date");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).journalItem()) {
                throw new IllegalArgumentException(kind + " " + ref + ", line " + (i + 1)
                        + ": debit and credit lines belong to journal entries; invoice lines have a quantity and a "
                        + "unit price");
            }
        }
    }

    private static void checkEntry(String ref, long partnerId, LocalDate dueDate, String currency,
            List<MoveLine> lines) {
        if (partnerId < 0) {
            throw new IllegalArgumentException("journal entry " + ref + ": the partner id is 0 (none) or positive");
        }
        if (dueDate != null || currency != null) {
            throw new IllegalArgumentException("journal entry " + ref + " has no due date and no currency of its own: "
                    + "its lines are company amounts or carry their currency");
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        Set<String> currencies = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            MoveLine line = lines.get(i);
            if (!line.journalItem()) {
                throw new IllegalArgumentException("journal entry " + ref + ", line " + (i + 1)
                        + ": a journal entry line is a debit or a credit on an account");
            }
            currencies.add(line.currency() == null ? "" : line.currency());
            if (line.amountCurrency() != null) {
                BigDecimal amount = line.amountCurrency();
                debits = debits.add(amount.max(BigDecimal.ZERO));
                credits = credits.add(amount.negate().max(BigDecimal.ZERO));
                continue;
            }
            debits = debits.add(line.debit() == null ? BigDecimal.ZERO : line.debit());
            credits = credits.add(line.credit() == null ? BigDecimal.ZERO : line.credit());
        }
        if (currencies.size() > 1) {
            throw new IllegalArgumentException("journal entry " + ref + " mixes currencies " + currencies
                    + ": its lines are all company amounts or all amounts in one currency, which balance in it");
        }
        if (debits.compareTo(credits) != 0) {
            throw new IllegalArgumentException("journal entry " + ref + " is not balanced: debits " + debits.toPlainString()
                    + ", credits " + credits.toPlainString());
        }
        if (debits.signum() == 0) {
            throw new IllegalArgumentException("journal entry " + ref + " has no amount");
        }
    }

    /** A customer invoice ({@code out_invoice}) of these lines. */
    public static MoveRequest customerInvoice(String ref, long partnerId, List<MoveLine> lines) {
        return new MoveRequest(MoveKind.CUSTOMER_INVOICE, ref, partnerId, null, null, null, null, lines);
    }

    /** A vendor bill ({@code in_invoice}) dated {@code billDate}, e.g. a carrier's invoice. */
    public static MoveRequest vendorBill(String ref, long partnerId, LocalDate billDate, List<MoveLine> lines) {
        return new MoveRequest(MoveKind.VENDOR_BILL, ref, partnerId, billDate, null, null, null, lines);
    }

    /** A credit note ({@code out_refund}), linked to the invoice it credits when {@code invoiceId} is given. */
    public static MoveRequest creditNote(String ref, long partnerId, Long invoiceId, List<MoveLine> lines) {
        return new MoveRequest(MoveKind.CREDIT_NOTE, ref, partnerId, null, null, null, invoiceId, lines);
    }

    /** A journal entry ({@code entry}) on {@code date}, e.g. a freight accrual: debit and credit lines that balance. */
    public static MoveRequest accrual(String ref, LocalDate date, List<MoveLine> lines) {
        return new MoveRequest(MoveKind.ACCRUAL, ref, 0, date, null, null, null, lines);
    }

    public MoveRequest withDate(LocalDate value) {
        return new MoveRequest(kind, ref, partnerId, value, dueDate, currency, reversedEntryId, lines);
    }

    public MoveRequest withDueDate(LocalDate value) {
        return new MoveRequest(kind, ref, partnerId, date, value, currency, reversedEntryId, lines);
    }

    public MoveRequest withCurrency(String isoCode) {
        return new MoveRequest(kind, ref, partnerId, date, dueDate, isoCode, reversedEntryId, lines);
    }

    public MoveRequest withPartner(long id) {
        return new MoveRequest(kind, ref, id, date, dueDate, currency, reversedEntryId, lines);
    }

    public MoveRequest withReversedEntry(Long moveId) {
        return new MoveRequest(kind, ref, partnerId, date, dueDate, currency, moveId, lines);
    }
}
