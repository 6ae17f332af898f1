package io.portage.shipment.domain;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a shipment holds (its lines, their count and total) and, once dispatched, what left. */
@Embeddable
public class ShipmentContents {

    private String lines;
    @Column(name = "shipped_lines")
    private String shippedLines;
    @Column(name = "line_count")
    private int lineCount;
    @Column(name = "total_quantity")
    private BigDecimal totalQuantity;

    protected ShipmentContents() {
    }

    ShipmentContents(List<ShipmentLine> planned) {
        lines = ShipmentLine.write(planned);
        lineCount = planned.size();
        totalQuantity = planned.stream().map(ShipmentLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void shipped(List<ShipmentLine> sent) {
        shippedLines = ShipmentLine.write(sent);
    }

    /** The lines it plans to ship (Odoo's SKUs); empty for a shipment planned before lines were kept. */
    public List<ShipmentLine> lines() {
        return ShipmentLine.read(lines);
    }

    /** What left at dispatch; empty before. */
    public List<ShipmentLine> shipped() {
        return ShipmentLine.read(shippedLines);
    }

    public int lineCount() {
        return lineCount;
    }

    public BigDecimal totalQuantity() {
        return totalQuantity;
    }
}
