package io.portage.shipment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a dispatch sends of a shipment's lines and what it leaves for a later shipment. */
public record DispatchSplit(List<ShipmentLine> sent, List<ShipmentLine> remaining) {

    /**
     * Splits {@code planned} by {@code shipped} (all of it when null or empty).
     *
     * @throws DispatchRefusedException when a SKU is not planned, more than planned or negative, or nothing is sent
     */
    public static DispatchSplit of(UUID shipmentId, List<ShipmentLine> planned, List<ShipmentLine> shipped) {
        Map<String, BigDecimal> holds = ShipmentLine.bySku(planned);
        Map<String, BigDecimal> left = shipped == null || shipped.isEmpty() ? holds : ShipmentLine.bySku(shipped);
        for (Map.Entry<String, BigDecimal> line : left.entrySet()) {
            BigDecimal has = holds.get(line.getKey());
            if (has == null) {
                throw new DispatchRefusedException("lines", "SKU " + line.getKey() + " is not in shipment " + shipmentId);
            }
            if (line.getValue().signum() < 0 || line.getValue().compareTo(has) > 0) {
                throw new DispatchRefusedException("lines", "SKU " + line.getKey() + ": " + line.getValue().toPlainString()
                        + " shipped, the shipment holds " + has.toPlainString());
            }
        }
        List<ShipmentLine> sent = new ArrayList<>();
        List<ShipmentLine> remaining = new ArrayList<>();
        holds.forEach((sku, quantity) -> {
            BigDecimal went = left.getOrDefault(sku, BigDecimal.ZERO);
            if (went.signum() > 0) {
                sent.add(new ShipmentLine(sku, went));
            }
            if (quantity.compareTo(went) > 0) {
                remaining.add(new ShipmentLine(sku, quantity.subtract(went)));
            }
        });
        if (sent.isEmpty()) {
            throw new DispatchRefusedException("lines", "nothing shipped");
        }
        return new DispatchSplit(List.copyOf(sent), List.copyOf(remaining));
    }
}
