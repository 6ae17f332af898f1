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

    public Uni<PostedBill> post(long vendorId, String invoiceNumber, LocalDate billDate, String currency,
            List<BillLine> lines) {
        MoveRequest bill = MoveRequest.vendorBill(invoiceNumber, vendorId, billDate, lines.stream()
                .map(line -> MoveLine.label(line.label(), BigDecimal.ONE, line.amount()))
                .toList()).withCurrency(currency);
        return CallerContext.emitOnCaller(odoo.accounting()
                .postVendorBill(bill)
                .map(move -> new PostedBill(move.id(), move.name(), move.state(), move.amountTotal())));
    }
}
