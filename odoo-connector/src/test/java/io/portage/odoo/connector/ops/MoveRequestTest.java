package io.portage.odoo.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a move request refuses before anything is sent to Odoo. */
class MoveRequestTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 31);
    private static final List<MoveLine> INVOICE_LINES = List.of(MoveLine.label("Freight", BigDecimal.ONE,
            new BigDecimal("100.00")));

    @Test
    void aJournalEntryMustBalanceWhateverTheScale() {
        MoveRequest balanced = MoveRequest.accrual("ACCR-1", DAY, List.of(
                MoveLine.debit(4, "Freight accrual", new BigDecimal("640")),
                MoveLine.credit(5, "Freight accrual", new BigDecimal("600.00")),
                MoveLine.credit(5, "Fuel surcharge accrual", new BigDecimal("40.0"))));
        assertThat(balanced.kind().moveType()).isEqualTo("entry");

        assertThatThrownBy(() -> MoveRequest.accrual("ACCR-2", DAY, List.of(
                MoveLine.debit(4, "Freight accrual", new BigDecimal("120.00")),
                MoveLine.credit(5, "Freight accrual", new BigDecimal("100.00")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journal entry ACCR-2 is not balanced: debits 120.00, credits 100.00");
        assertThatThrownBy(() -> MoveRequest.accrual("ACCR-3", DAY, List.of(
                MoveLine.debit(4, "Nothing", BigDecimal.ZERO), MoveLine.credit(5, "Nothing", BigDecimal.ZERO))))
                .hasMessage("journal entry ACCR-3 has no amount");
    }

    @Test
    void journalEntryLinesAreDebitsOrCreditsOnAccounts() {
        assertThatThrownBy(() -> MoveRequest.accrual("ACCR-4", DAY, INVOICE_LINES))
                .hasMessageContaining("a journal entry line is a debit or a credit on an account");
        assertThatThrownBy(() -> MoveLine.debit(0, "No account", BigDecimal.TEN))
                .hasMessage("a debit or credit line needs an account id");
        assertThatThrownBy(() -> MoveLine.debit(4, "Negative", new BigDecimal("-1")))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> new MoveLine(null, "Both", null, null, 4L, BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> MoveRequest.accrual("ACCR-5", DAY, List.of(MoveLine.debit(4, "A", BigDecimal.ONE),
                MoveLine.credit(5, "B", BigDecimal.ONE))).withCurrency("EUR"))
                .hasMessageContaining("company amounts");
    }

    @Test
    void anEntryInAnotherCurrencyBalancesInItAndMixesNoCurrencies() {
        MoveRequest eur = MoveRequest.accrual("ACCR-EUR", DAY, List.of(MoveLine.debitIn(4, "Freight", "EUR",
                new BigDecimal("170.00")), MoveLine.creditIn(5, "Freight", "EUR", new BigDecimal("170"))));
        assertThat(eur.lines()).extracting(MoveLine::amountCurrency)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("170"), new BigDecimal("-170"));
        assertThatThrownBy(() -> MoveRequest.accrual("ACCR-EUR-2", DAY, List.of(MoveLine.debitIn(4, "Freight", "EUR",
                new BigDecimal("170.00")), MoveLine.creditIn(5, "Freight", "EUR", new BigDecimal("169")))))
                .hasMessage("journal entry ACCR-EUR-2 is not balanced: debits 170.00, credits 169");
        assertThatThrownBy(() -> MoveRequest.accrual("ACCR-MIX", DAY, List.of(MoveLine.debitIn(4, "Freight", "EUR",
                BigDecimal.TEN), MoveLine.credit(5, "Freight", BigDecimal.TEN))))
                .hasMessageContaining("mixes currencies");
        assertThatThrownBy(() -> MoveLine.debitIn(4, "Freight", "EUR", BigDecimal.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new MoveLine(null, "Both", null, null, 4L, BigDecimal.ONE, null, "EUR",
                BigDecimal.ONE)).hasMessageContaining("not a debit or credit");
    }

    @Test
    void invoicesNeedAPartnerAndInvoiceLinesAndABillItsDate() {
        assertThatThrownBy(() -> MoveRequest.customerInvoice("INV-1", 0, INVOICE_LINES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CUSTOMER_INVOICE INV-1 needs a partner");
        assertThatThrownBy(() -> MoveRequest.vendorBill("BILL-1", 4, null, INVOICE_LINES))
                .hasMessageStartingWith("vendor bill BILL-1 needs its bill date");
        assertThatThrownBy(() -> MoveRequest.customerInvoice("INV-2", 3, List.of(MoveLine.debit(4, "Debit",
                BigDecimal.ONE)))).hasMessageContaining("debit and credit lines belong to journal entries");
        assertThatThrownBy(() -> MoveRequest.customerInvoice("INV-3", 3, List.of()))
                .hasMessageContaining("needs at least one line");
        assertThatThrownBy(() -> MoveLine.label(" ", BigDecimal.ONE, BigDecimal.ONE))
                .hasMessage("an invoice line needs a product id or a label");
        assertThatThrownBy(() -> MoveRequest.customerInvoice("INV-4", 3, INVOICE_LINES).withReversedEntry(7L))
                .hasMessageContaining("only a credit note or a journal entry reverses a move");
    }

    @Test
    void theRefIsRequiredBecauseItIsTheIdempotencyKey() {
        assertThatThrownBy(() -> MoveRequest.creditNote(" ", 3, 7L, INVOICE_LINES))
                .hasMessage("ref is required: it is the idempotency key of the CREDIT_NOTE");
        assertThat(MoveRequest.creditNote("CN-1", 3, 7L, INVOICE_LINES).reversedEntryId()).isEqualTo(7L);
    }
}
