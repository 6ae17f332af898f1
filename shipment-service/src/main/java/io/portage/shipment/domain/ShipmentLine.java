package io.portage.shipment.domain;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of a shipment: Odoo's SKU ({@code default_code}) and a quantity; stored in one column as {@code sku,qty;...}. */
public record ShipmentLine(String sku, BigDecimal quantity) {

    /** The column's text of {@code lines}. */
    public static String write(List<ShipmentLine> lines) {
        if (lines == null) {
            return null;
        }
        List<String> rows = new ArrayList<>();
        for (ShipmentLine line : lines) {
            rows.add(URLEncoder.encode(line.sku(), StandardCharsets.UTF_8) + "," + line.quantity().toPlainString());
        }
        return String.join(";", rows);
    }

    static List<ShipmentLine> read(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<ShipmentLine> lines = new ArrayList<>();
        for (String row : column.split(";")) {
            String[] f = row.split(",", 2);
            lines.add(new ShipmentLine(URLDecoder.decode(f[0], StandardCharsets.UTF_8), new BigDecimal(f[1])));
        }
        return lines;
    }

    /** Quantities by SKU, a SKU given twice summed. */
    public static Map<String, BigDecimal> bySku(List<ShipmentLine> lines) {
        Map<String, BigDecimal> bySku = new LinkedHashMap<>();
        lines.forEach(line -> bySku.merge(line.sku(), line.quantity(), BigDecimal::add));
        return bySku;
    }
}
