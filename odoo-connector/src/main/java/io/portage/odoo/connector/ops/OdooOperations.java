package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.portage.odoo.connector.OdooClient;
import io.smallrye.mutiny.Uni;

/**
 * The typed, idempotent Odoo operations the services call, by domain: {@link #partners()}, {@link #sales()},
 * {@link #stock()}, {@link #purchases()}, {@link #accounting()}, {@link #invoicing()}, {@link #refunds()}, {@link #currencies()},
 * {@link #instance()}. Each looks up by a unique reference before it creates, so it is retried whole after a timeout or
 * a concurrency error without making a second record. The methods below are the operations' first home, kept for the
 * callers that use them; they delegate to the rooms.
 */
@Singleton
public class OdooOperations {

    private final PartnerOperations partners;
    private final SalesOperations sales;
    private final StockOperations stock;
    private final PurchaseOperations purchases;
    private final AccountingOperations accounting;
    private final InvoicingOperations invoicing;
    private final RefundOperations refunds;
    private final InstanceOperations instance;
    private final CurrencyOperations currencies;

    @Inject
    public OdooOperations(OdooClient client) {
        this.partners = new PartnerOperations(client);
        this.sales = new SalesOperations(client);
        this.stock = new StockOperations(client);
        this.purchases = new PurchaseOperations(client);
        this.accounting = new AccountingOperations(client);
        this.invoicing = new InvoicingOperations(client);
        this.refunds = new RefundOperations(client, accounting, stock);
        this.instance = new InstanceOperations(client);
        this.currencies = new CurrencyOperations(client);
    }

    /** Customers and products. */
    public PartnerOperations partners() {
        return partners;
    }

    /** Sale orders. */
    public SalesOperations sales() {
        return sales;
    }

    /** Deliveries, receipts and scraps. */
    public StockOperations stock() {
        return stock;
    }

    /** Purchase orders, read for dock appointments. */
    public PurchaseOperations purchases() {
        return purchases;
    }

    /** Invoices, vendor bills, journal entries and reversals. */
    public AccountingOperations accounting() {
        return accounting;
    }

    /** Customer invoices made from sale orders. */
    public InvoicingOperations invoicing() {
        return invoicing;
    }

    /** Returns and credit notes, one way only. */
    public RefundOperations refunds() {
        return refunds;
    }

    /** Which Odoo instance this is. */
    public InstanceOperations instance() {
        return instance;
    }

    /** Currencies, Odoo's exchange rates and what a move booked in the company currency. */
    public CurrencyOperations currencies() {
        return currencies;
    }

    /** See {@link PartnerOperations#findOrCreatePartner}. */
    public Uni<Long> findOrCreatePartner(PartnerRef partner) {
        return partners.findOrCreatePartner(partner);
    }

    /** See {@link PartnerOperations#findOrCreateProduct}. */
    public Uni<Long> findOrCreateProduct(ProductRef product) {
        return partners.findOrCreateProduct(product);
    }

    /** See {@link PartnerOperations#findProducts}. */
    public Uni<Map<String, Long>> findProducts(Collection<String> defaultCodes) {
        return partners.findProducts(defaultCodes);
    }

    /** See {@link SalesOperations#createAndConfirmOrder}. */
    public Uni<OrderResult> createAndConfirmOrder(OrderRequest order) {
        return sales.createAndConfirmOrder(order);
    }

    /** See {@link SalesOperations#findOrder}. */
    public Uni<OrderResult> findOrder(String clientOrderRef) {
        return sales.findOrder(clientOrderRef);
    }

    /** See {@link StockOperations#orderPickings}. */
    public Uni<List<Picking>> orderPickings(long orderId) {
        return stock.orderPickings(orderId);
    }

    /** See {@link StockOperations#updatePicking}. */
    public Uni<Picking> updatePicking(long pickingId, String carrierTrackingRef, Instant scheduledDate) {
        return stock.updatePicking(pickingId, carrierTrackingRef, scheduledDate);
    }

    /** See {@link StockOperations#validatePicking}. */
    public Uni<Picking> validatePicking(long pickingId, Map<Long, BigDecimal> doneByProduct, boolean createBackorder) {
        return stock.validatePicking(pickingId, doneByProduct, createBackorder);
    }

    /** See {@link AccountingOperations#createAndPostMove}. */
    public Uni<MoveResult> createAndPostMove(MoveRequest move) {
        return accounting.createAndPostMove(move);
    }

    /** See {@link AccountingOperations#findMove}. */
    public Uni<MoveResult> findMove(MoveKind kind, String ref) {
        return accounting.findMove(kind, ref);
    }
}
