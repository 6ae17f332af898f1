package io.portage.odoo.connector.ops;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooClient;
import io.smallrye.mutiny.Uni;

/** Purchase orders read for dock appointments: by their name or by the vendor's reference, never written. */
public final class PurchaseOperations {

    private static final List<String> ORDER_FIELDS = List.of("id", "name", "state", "partner_id", "partner_ref",
            "date_planned", "picking_ids", "receipt_status", "order_line");
    private static final List<String> LINE_FIELDS = List.of("id", "product_id", "product_qty", "qty_received");

    private final OdooClient client;

    PurchaseOperations(OdooClient client) {
        this.client = client;
    }

    /** The purchase order named {@code name} (e.g. P00013), or null. */
    public Uni<PurchaseOrder> findByName(String name) {
        Rows.requireText(name, "purchase order name");
        return find(List.of(List.of("name", "=", name)));
    }

    /** The purchase order of this vendor with this vendor reference ({@code partner_ref}), or null. */
    public Uni<PurchaseOrder> findByVendorRef(long vendorId, String partnerRef) {
        Rows.requireText(partnerRef, "vendor reference");
        return find(List.of(List.of("partner_id", "=", vendorId), List.of("partner_ref", "=", partnerRef)));
    }

    private Uni<PurchaseOrder> find(List<?> domain) {
        return client.retrying(() -> client.once()
                .searchRead("purchase.order", domain, ORDER_FIELDS, 0, 1, "id")
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    JsonNode order = rows.get(0);
                    return client.once()
                            .read("purchase.order.line", Rows.ids(order.path("order_line")), LINE_FIELDS)
                            .map(lines -> order(order, lines));
                }));
    }

    private static PurchaseOrder order(JsonNode row, List<JsonNode> lineRows) {
        List<PurchaseOrder.Line> lines = lineRows.stream()
                .map(line -> new PurchaseOrder.Line(line.path("id").asLong(), Rows.id(line.path("product_id")),
                        line.path("product_qty").decimalValue(), line.path("qty_received").decimalValue()))
                .toList();
        return new PurchaseOrder(row.path("id").asLong(), row.path("name").asText(), row.path("state").asText(),
                Rows.id(row.path("partner_id")), Rows.text(row.path("partner_ref")),
                OdooDates.parse(Rows.text(row.path("date_planned"))), Rows.ids(row.path("picking_ids")),
                Rows.text(row.path("receipt_status")), lines);
    }
}
