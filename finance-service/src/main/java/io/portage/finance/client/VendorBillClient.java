package io.portage.finance.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.MoveLine;
import io.portage.odoo.connector.ops.MoveRequest;
import io.portage.odoo.connector.ops.OdooOperations;
import io.smallrye.mutiny.Uni;

/**
 * Carriers' vendor bills in Odoo through the connector ({@code account.move} {@code in_invoice}, ref = the carrier's
 * invoice number, posted; a second bill of the vendor under the same ref is never made, ODOO.md).
 */
@ApplicationScoped
public class VendorBillClient {

    private final OdooOperations odoo;

    public VendorBillClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** One line of a bill: what it is for and its amount. */
    public record BillLine(String label, BigDecimal amount) {
    }

    /** A bill as Odoo holds it once posted. */
    public record PostedBill(long id, String name, String state, BigDecimal total) {
    }

    /** A bill to post: the carrier's vendor in Odoo, its invoice number (the bill's ref), date, currency and lines. */
    public record Bill(long vendorId, String invoiceNumber, LocalDate billDate, String currency, List<BillLine> lines) {

        MoveRequest request() {
            return MoveRequest.vendorBill(invoiceNumber, vendorId, billDate, lines.stream()
                    .map(line -> MoveLine.label(line.label(), BigDecimal.ONE, line.amount()))
                    .toList()).withCurrency(currency);
        }
    }

    /** What became of one bill: posted, or refused (by Odoo, or as a second bill under the same number) and why. */
    public record Result(PostedBill bill, String refusal) {
    }

    /**
     * Posts the bills in a few calls to Odoo whatever their number (the connector's {@code postVendorBills}): one result
     * per bill, in order; a bill Odoo refuses fails alone.
     */
    public Uni<List<Result>> postAll(List<Bill> bills) {
        return CallerContext.emitOnCaller(odoo.accounting()
                .postVendorBills(bills.stream().map(Bill::request).toList())
                .map(outcomes -> outcomes.stream()
                        .map(outcome -> outcome.bill() == null
                                ? new Result(null, outcome.failure().getMessage())
                                : new Result(new PostedBill(outcome.bill().id(), outcome.bill().name(),
                                        outcome.bill().state(), outcome.bill().amountTotal()), null))
                        .toList()));
    }
}
