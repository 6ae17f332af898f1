package io.portage.order.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooOperations;
import io.smallrye.mutiny.Uni;

/**
 * Reads Odoo's stock for inventory reconciliation: the products by SKU ({@code product.product.default_code}), the
 * internal locations ({@code stock.location}, {@code usage} internal, by {@code complete_name} such as
 * {@code WH/Stock}) and their quants ({@code stock.quant}: {@code product_id}, {@code location_id}, {@code quantity},
 * {@code write_date}). Read only, through the connector (timeouts, retries, circuit breaker).
 */
@ApplicationScoped
public class OdooInventoryClient {

    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OdooOperations operations;
    private final OdooClient odoo;

    public OdooInventoryClient(OdooOperations operations, OdooClient odoo) {
        this.operations = operations;
        this.odoo = odoo;
    }

    /** An internal location: its id and full name. */
    public record Location(long id, String completeName) {
    }

    /** A quant: product, location, quantity on hand, last change. */
    public record Quant(long productId, long locationId, BigDecimal quantity, Instant writeDate) {
    }

    /** What Odoo holds for a set of SKUs: the products found, every internal location, their quants. */
    public record Stock(Map<String, Long> products, List<Location> locations, List<Quant> quants) {
    }

    public Uni<Stock> stock(Collection<String> skus) {
        return CallerContext.emitOnCaller(operations.findProducts(skus)
                .chain(products -> odoo.calls()
                        .searchRead("stock.location", List.of(List.of("usage", "=", "internal")),
                                List.of("id", "complete_name"),
                                0, 0, "id")
                        .chain(locations -> products.isEmpty()
                                ? Uni.createFrom().item(new Stock(products, locations(locations), List.of()))
                                : odoo.calls()
                                        .searchRead("stock.quant",
                                                List.of(List.of("product_id", "in", List.copyOf(products.values()))),
                                                List.of("product_id", "location_id", "quantity", "write_date"), 0, 0, "id")
                                        .map(quants -> new Stock(products, locations(locations), quants(quants))))));
    }

    private static List<Location> locations(List<JsonNode> rows) {
        List<Location> locations = new ArrayList<>();
        rows.forEach(row -> locations.add(new Location(row.path("id").asLong(), row.path("complete_name").asText())));
        return locations;
    }

    private static List<Quant> quants(List<JsonNode> rows) {
        List<Quant> quants = new ArrayList<>();
        for (JsonNode row : rows) {
            quants.add(new Quant(many2one(row.path("product_id")), many2one(row.path("location_id")),
                    new BigDecimal(row.path("quantity").asText("0")), instant(row.path("write_date"))));
        }
        return quants;
    }

    /** A many2one reads as {@code [id, "name"]} (or false). */
    private static long many2one(JsonNode value) {
        return value.isArray() && !value.isEmpty() ? value.get(0).asLong() : -1;
    }

    /** Odoo's datetimes are UTC strings without zone, {@code "YYYY-MM-DD HH:MM:SS"}. */
    private static Instant instant(JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText();
        return LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text, ODOO_DATETIME)
                .toInstant(ZoneOffset.UTC);
    }
}
