package io.portage.odoo.connector;

import static io.portage.odoo.connector.OrderFlowTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.error.OdooConflictException;
import io.portage.odoo.connector.ops.BillOutcome;
import io.portage.odoo.connector.ops.BookedAmounts;
import io.portage.odoo.connector.ops.ExchangeRate;
import io.portage.odoo.connector.ops.MoveLine;
import io.portage.odoo.connector.ops.MoveRequest;
import io.portage.odoo.connector.ops.MoveResult;
import io.portage.odoo.connector.ops.Picking;
import io.portage.odoo.standin.OdooStandin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Vendor bills, entries by account code, reversals, invoices from orders and refunds one way only. */
@QuarkusTest
@QuarkusTestResource(StandinResource.class)
class AccountingOperationsTest {

    static final long VENDOR = 4;
    static final long CHAIR = 1;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    OdooConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    OwnStandin odoo;

    @AfterEach
    void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }

    private OwnStandin start(String version) {
        odoo = new OwnStandin(OdooStandin.builder().version(version), config, vertx, mapper);
        return odoo;
    }

    private <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private static MoveRequest bill(String ref, String amount) {
        return MoveRequest.vendorBill(ref, VENDOR, LocalDate.of(2026, 3, 1), List.of(MoveLine.label("Linehaul",
                BigDecimal.ONE, new BigDecimal(amount))));
    }

    @Test
    void aSecondVendorBillWithTheSameVendorAndRefIsNeverMade() {
        // ODOO.md "Vendor bill": Odoo accepts and posts a second bill with the same vendor and ref; Portage does not
        start("18.0");
        MoveResult first = await(odoo.ops.accounting().postVendorBill(bill("DHL-889", "640.00")));
        assertThat(first.posted()).isTrue();
        assertThat(await(odoo.ops.accounting().postVendorBill(bill("DHL-889", "640.00")))).isEqualTo(first);
        Throwable conflict = catchThrowable(() -> await(odoo.ops.accounting()
                .postVendorBill(bill("DHL-889",
                        "700.00"))));
        assertThat(conflict).isInstanceOf(OdooConflictException.class).hasMessageContaining(first.name());
        assertThat(odoo.standin.calls("account.move", "create")).isEqualTo(1);
    }

    @Test
    void manyVendorBillsArePostedInAFewCallsAndABillOdooRefusesFailsAlone() {
        // ODOO.md "What a call costs": create takes a list of values; one call is one transaction, rolled back whole
        start("18.0");
        MoveResult earlier = await(odoo.ops.accounting().postVendorBill(bill("UPS-1", "100.00")));
        long creates = odoo.standin.calls("account.move", "create");
        long posts = odoo.standin.calls("account.move", "action_post");

        List<BillOutcome> outcomes = await(odoo.ops.accounting()
                .postVendorBills(List.of(bill("UPS-1", "100.00"), bill("UPS-2", "200.00"), bill("UPS-3", "300.00")
                        .withCurrency("GBP"), bill("UPS-4", "400.00"), bill("UPS-2", "200.00"),
                        bill("UPS-1",
                                "150.00"))));

        assertThat(outcomes).hasSize(6);
        assertThat(outcomes.get(0).bill()).as("the bill Odoo holds").isEqualTo(earlier);
        assertThat(outcomes.get(1).bill().posted()).isTrue();
        assertThat(outcomes.get(1).bill().amountTotal()).isEqualByComparingTo("200.00");
        assertThat(outcomes.get(2).bill()).isNull();
        assertThat(outcomes.get(2).failure()).as("GBP is archived in the stand-in")
                .hasMessageContaining("inactive currency: GBP");
        assertThat(outcomes.get(3).bill().posted()).isTrue();
        assertThat(outcomes.get(4).bill()).as("asked twice, made once").isEqualTo(outcomes.get(1).bill());
        assertThat(outcomes.get(5).failure()).isInstanceOf(OdooConflictException.class)
                .hasMessageContaining(earlier.name());
        assertThat(odoo.standin.calls("account.move", "create") - creates).as("the three new bills in one create")
                .isEqualTo(1);
        assertThat(odoo.standin.calls("account.move", "action_post") - posts)
                .as("all three, then halves until the GBP bill is alone: [2] [3, 4] [3] [4]")
                .isEqualTo(5);
        assertThat(odoo.standin.records("account.move")).filteredOn(move -> "in_invoice".equals(move.get("move_type")))
                .extracting(move -> move.get("ref"), move -> move.get("state"))
                .containsExactlyInAnyOrder(tuple("UPS-1", "posted"),
                        tuple("UPS-2", "posted"),
                        tuple("UPS-3", "draft"),
                        tuple("UPS-4", "posted"));

        Map<Long, BookedAmounts> booked = await(odoo.ops.currencies()
                .booked(List.of(outcomes.get(1).bill().id(), outcomes.get(3).bill().id()), 1));
        assertThat(booked).hasSize(2);
        assertThat(booked.get(outcomes.get(3).bill().id()).companyAmount()).isEqualByComparingTo("400.00");
        assertThat(booked.get(outcomes.get(1).bill().id()).currency()).isEqualTo("USD");
    }

    @Test
    void anAccrualIsBookedOnAccountsFoundByCodeInTheMiscJournalAndReversedOnce() {
        // ODOO.md "Journal entry": accounts by code with company_ids (18), the MISC journal; reversal never twice
        start("18.0");
        MoveResult accrual = await(odoo.ops.accounting()
                .postEntryByCodes("ACCR-SHP-1", TODAY, "Freight accrual",
                        new BigDecimal("640.00"), "600000", "211100"));
        assertThat(accrual.name()).startsWith("MISC/");
        assertThat(accrual.posted()).isTrue();
        assertThat(await(odoo.ops.accounting()
                .postEntryByCodes("ACCR-SHP-1", TODAY, "Freight accrual",
                        new BigDecimal("640.00"), "600000", "211100")))
                .isEqualTo(accrual);

        MoveResult reversal = await(odoo.ops.accounting()
                .reverseMove(accrual.id(), TODAY, "received the bill",
                        null));
        assertThat(reversal.reversedEntryId()).isEqualTo(accrual.id());
        assertThat(reversal.posted()).isTrue();
        assertThat(await(odoo.ops.accounting().reverseMove(accrual.id(), TODAY, "again", null))).isEqualTo(reversal);
        assertThat(odoo.standin.calls("account.move.reversal", "refund_moves")).isEqualTo(1);
        assertThat(odoo.standin.records("account.move.reversal")).singleElement()
                .satisfies(w -> assertThat(w.get("journal_id")).isEqualTo(List.of(3, "Miscellaneous Operations")));
    }

    @Test
    void on17AccountsAreFoundByCompanyId() {
        // assumption (ODOO.md is silent on 17): account.account has company_id, not company_ids
        start("17.0");
        assertThat(await(odoo.ops.accounting().accountByCode("211100"))).isEqualTo(6L);
    }

    /** A confirmed order of 3 chairs invoiced on delivery, delivered; its id and delivery. */
    private long[] deliveredOrder() {
        return deliveredOrder(Map.of());
    }

    /** {@link #deliveredOrder()} with more values of the order (a pricelist). */
    private long[] deliveredOrder(Map<String, Object> more) {
        await(odoo.client.calls().write("product.product", List.of(CHAIR), Map.of("invoice_policy", "delivery")));
        Map<String, Object> vals = new java.util.HashMap<>(more);
        vals.put("partner_id", 3);
        vals.put("order_line", List.of(List.of(0, 0, Map.of("product_id", CHAIR, "product_uom_qty", 3))));
        long order = await(odoo.client.calls().create("sale.order", vals));
        await(odoo.client.calls().callOnRecords("sale.order", "action_confirm", List.of(order), Map.of()));
        assertThat(await(odoo.ops.invoicing().invoiceOrder(order))).as("nothing delivered, nothing to invoice")
                .isEmpty();
        long delivery = await(odoo.ops.stock().orderPickings(order)).get(0).id();
        await(odoo.ops.stock().validateDelivery(delivery, Map.of(CHAIR, new BigDecimal("3")), false));
        return new long[]{order, delivery};
    }

    @Test
    void anOrderOnAnEurPricelistIsInvoicedInEurAndBookedAtOdoosRateOfTheDay() {
        // Odoo's sale.order: currency_id is the pricelist's currency, else the company's; the invoice takes it
        start("18.0");
        int eur = odoo.standin.records("res.currency")
                .stream()
                .filter(currency -> "EUR".equals(currency.get("name")))
                .map(currency -> ((Number) currency.get("id")).intValue())
                .findFirst()
                .orElseThrow();
        int pricelist = odoo.standin.createAsSuperuser("product.pricelist", Map.of("name", "Europe", "currency_id", eur));
        long inDollars = deliveredOrder()[0];
        long inEuros = deliveredOrder(Map.of("pricelist_id", pricelist))[0];
        assertThat(await(odoo.ops.invoicing().orderCurrency(inDollars))).isEqualTo("USD");
        assertThat(await(odoo.ops.invoicing().orderCurrency(inEuros))).isEqualTo("EUR");

        MoveResult invoice = await(odoo.ops.invoicing().invoiceOrder(inEuros)).get(0);
        assertThat(invoice.currency()).isEqualTo("EUR");
        assertThat(invoice.amountTotal()).isEqualByComparingTo("210");
        ExchangeRate rate = await(odoo.ops.currencies().rate("EUR", TODAY, 1));
        assertThat(rate.known()).as("the stand-in has EUR rates from 2026-01-01").isTrue();
        BookedAmounts booked = await(odoo.ops.currencies().booked(invoice.id(), 1));
        assertThat(booked.companyAmount()).isEqualByComparingTo(new BigDecimal("210").divide(rate.rate(), 2,
                java.math.RoundingMode.HALF_UP));
    }

    @Test
    void anOrderIsInvoicedOnceByWhatIsLeftToInvoice() {
        // ODOO.md "Customer invoice": check qty_to_invoice first (never "No items are available"); a draft counts
        start("18.0");
        long order = deliveredOrder()[0];
        List<MoveResult> invoices = await(odoo.ops.invoicing().invoiceOrder(order));
        assertThat(invoices).singleElement().satisfies(invoice -> {
            assertThat(invoice.moveType()).isEqualTo("out_invoice");
            assertThat(invoice.posted()).isTrue();
            assertThat(invoice.amountTotal()).isEqualByComparingTo("210");
        });
        assertThat(await(odoo.ops.invoicing().invoiceOrder(order))).isEqualTo(invoices);
        assertThat(odoo.standin.calls("sale.advance.payment.inv", "create_invoices")).isEqualTo(1);
    }

    @Test
    void aReturnForRefundMakesTheOrdersCreditNoteAndForbidsASecondOne() {
        // ODOO.md "Returns and credit notes": a return with to_refund makes create_invoices produce an out_refund
        start("18.0");
        long[] delivered = deliveredOrder();
        MoveResult invoice = await(odoo.ops.invoicing().invoiceOrder(delivered[0])).get(0);
        Picking returned = await(odoo.ops.refunds().returnDelivery(delivered[1], Map.of(CHAIR, BigDecimal.ONE), true));
        assertThat(returned.state()).isEqualTo("done");
        assertThat(returned.origin()).startsWith("Return of ");
        assertThat(await(odoo.ops.refunds().returnDelivery(delivered[1], Map.of(CHAIR, BigDecimal.ONE), true)))
                .isEqualTo(returned);

        List<MoveResult> invoices = await(odoo.ops.invoicing().invoiceOrder(delivered[0]));
        assertThat(invoices).hasSize(2).last().satisfies(credit -> {
            assertThat(credit.moveType()).isEqualTo("out_refund");
            assertThat(credit.amountTotal()).isEqualByComparingTo("70");
        });
        Throwable twice = catchThrowable(() -> await(odoo.ops.refunds()
                .creditInvoice(invoice.id(), TODAY,
                        "damaged")));
        assertThat(twice).isInstanceOf(OdooConflictException.class).hasMessageContaining("to_refund");
        assertThat(odoo.standin.calls("account.move.reversal", "create")).isZero();
    }

    @Test
    void aCreditNoteIsMadeOnceAndForbidsAReturnForRefund() {
        // ODOO.md: the reversal wizard makes a draft out_refund with reversed_entry_id; use one way, never both
        start("18.0");
        long[] delivered = deliveredOrder();
        MoveResult invoice = await(odoo.ops.invoicing().invoiceOrder(delivered[0])).get(0);
        MoveResult credit = await(odoo.ops.refunds().creditInvoice(invoice.id(), TODAY, "damaged"));
        assertThat(credit.moveType()).isEqualTo("out_refund");
        assertThat(credit.reversedEntryId()).isEqualTo(invoice.id());
        assertThat(credit.posted()).isTrue();
        assertThat(await(odoo.ops.refunds().creditInvoice(invoice.id(), TODAY, "damaged"))).isEqualTo(credit);

        Throwable twice = catchThrowable(() -> await(odoo.ops.refunds()
                .returnDelivery(delivered[1], Map.of(CHAIR,
                        BigDecimal.ONE), true)));
        assertThat(twice).isInstanceOf(OdooConflictException.class).hasMessageContaining("credit note");
        Picking goodsBack = await(odoo.ops.refunds()
                .returnDelivery(delivered[1], Map.of(CHAIR, BigDecimal.ONE),
                        false));
        assertThat(goodsBack.state()).isEqualTo("done");
        // the credit note keeps the order's lines: Odoo shows the credited quantity to invoice again
        Throwable again = catchThrowable(() -> await(odoo.ops.invoicing().invoiceOrder(delivered[0])));
        assertThat(again).isInstanceOf(OdooConflictException.class).hasMessageContaining("credit note");
        assertThat(odoo.standin.calls("sale.advance.payment.inv", "create_invoices")).isEqualTo(1);
    }
}
