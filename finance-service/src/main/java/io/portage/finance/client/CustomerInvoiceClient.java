package io.portage.finance.client;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.ops.OdooOperations;
import io.smallrye.mutiny.Uni;

/**
 * Customer invoices from sale orders in Odoo through the connector ({@code sale.advance.payment.inv} with the
 * delivered method, then {@code action_post}): what the order has left to invoice, never asked twice (ODOO.md).
 */
@ApplicationScoped
public class CustomerInvoiceClient {

    private final OdooOperations odoo;

    public CustomerInvoiceClient(OdooOperations odoo) {
        this.odoo = odoo;
    }

    /** An invoice (or credit note) of the order as Odoo holds it. */
    public record Invoice(long id, String name, String state, String moveType, BigDecimal total, String currency) {
    }

    /** The ISO code of the sale order's currency (its pricelist's, else the company's): its invoices' currency. */
    public Uni<String> orderCurrency(long saleOrderId) {
        return CallerContext.emitOnCaller(odoo.invoicing().orderCurrency(saleOrderId));
    }

    /** Invoices and posts what the sale order has left to invoice; answers its invoices not cancelled. */
    public Uni<List<Invoice>> invoiceOrder(long saleOrderId) {
        return CallerContext.emitOnCaller(odoo.invoicing()
                .invoiceOrder(saleOrderId)
                .map(moves -> moves.stream()
                        .map(move -> new Invoice(move.id(), move.name(), move.state(), move.moveType(), move.amountTotal(),
                                move.currency()))
                        .toList()));
    }
}
