package io.portage.odoo.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.portage.odoo.connector.transport.OdooVersion;

/**
 * The Odoo models Portage follows: master data it caches (products, partners, warehouses, locations, carriers) and
 * transactional records whose state changes become ERP events (sales orders, transfers, invoices). The fields read are
 * the ones both Odoo 17 and 18/19 have, plus {@code is_storable} where it exists (18+).
 */
public enum SyncedModel {

    PRODUCT("product.product", Kind.MASTER, List.of("name", "default_code", "barcode", "type", "list_price", "active"),
            "default_code", "barcode", true), PARTNER("res.partner", Kind.MASTER,
                    List.of("name", "ref", "email", "phone", "is_company", "parent_id", "street",
                            "city", "zip", "country_id", "active"),
                    "ref", null, true), WAREHOUSE("stock.warehouse", Kind.MASTER, List.of("name", "code", "lot_stock_id"),
                            "code", null, false), LOCATION("stock.location", Kind.MASTER,
                                    List.of("name", "complete_name", "usage", "location_id"), "complete_name",
                                    null, false), CARRIER("delivery.carrier", Kind.MASTER,
                                            List.of("name", "delivery_type", "active"), "name", null,
                                            true), SALE_ORDER("sale.order", Kind.CHANGES,
                                                    List.of("name", "state", "client_order_ref", "partner_id", "picking_ids"),
                                                    null, null, false), PICKING("stock.picking", Kind.CHANGES,
                                                            List.of("name", "state", "origin", "picking_type_id", "sale_id",
                                                                    "carrier_tracking_ref", "date_done"),
                                                            null, null, false), INVOICE("account.move", Kind.CHANGES,
                                                                    List.of("name", "state", "move_type", "ref",
                                                                            "invoice_origin", "partner_id",
                                                                            "amount_total", "invoice_date"),
                                                                    null, null, false);

    /** Master data is cached as Odoo has it; changes of transactional records become events. */
    public enum Kind {
        MASTER, CHANGES
    }

    private final String odooModel;
    private final Kind kind;
    private final List<String> fields;
    private final String codeField;
    private final String barcodeField;
    private final boolean archivable;

    SyncedModel(String odooModel, Kind kind, List<String> fields, String codeField, String barcodeField,
            boolean archivable) {
        this.odooModel = odooModel;
        this.kind = kind;
        this.fields = fields;
        this.codeField = codeField;
        this.barcodeField = barcodeField;
        this.archivable = archivable;
    }

    public String odooModel() {
        return odooModel;
    }

    public Kind kind() {
        return kind;
    }

    /** The field holding the business key the cache is looked up by (SKU, partner ref, warehouse code, ...). */
    String codeField() {
        return codeField;
    }

    String barcodeField() {
        return barcodeField;
    }

    /**
     * Whether records can be archived ({@code active} false). Odoo's searches leave archived records out unless the
     * domain mentions {@code active}, so the poller asks for both: an archived product is a change the cache must see.
     */
    boolean archivable() {
        return archivable;
    }

    /** Every field to read on this server, with {@code id} and {@code write_date}. */
    List<String> fields(OdooVersion version) {
        List<String> all = new ArrayList<>(fields);
        if (this == PRODUCT && version.hasIsStorable()) {
            all.add("is_storable");
        }
        all.add("write_date");
        return all;
    }

    public static Optional<SyncedModel> of(String odooModel) {
        for (SyncedModel model : values()) {
            if (model.odooModel.equals(odooModel)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
