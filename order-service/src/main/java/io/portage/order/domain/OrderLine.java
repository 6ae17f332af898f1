package io.portage.order.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of an order: the channel's SKU, the product's SKU in Odoo it maps to, and a positive quantity. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private Order order;
    @Column(name = "line_no")
    private int lineNo;
    private String sku;
    @Column(name = "product_sku")
    private String productSku;
    private BigDecimal quantity;

    protected OrderLine() {
    }

    /** The lines of {@code order} for {@code items} (at least one), numbered from 1 in the order given. */
    static List<OrderLine> numbered(Order order, List<Item> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        List<OrderLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            lines.add(new OrderLine(order, i + 1, items.get(i)));
        }
        return lines;
    }

    OrderLine(Order order, int lineNo, Item item) {
        if (item.quantity().signum() <= 0) {
            throw new IllegalArgumentException("Quantity must be positive: " + item.quantity());
        }
        this.id = UUID.randomUUID();
        this.order = order;
        this.lineNo = lineNo;
        this.sku = item.sku();
        this.quantity = item.quantity();
    }

    /** What was ordered, before it belongs to an order. */
    public record Item(String sku, BigDecimal quantity) {
    }

    public int lineNo() {
        return lineNo;
    }

    public String sku() {
        return sku;
    }

    /** The product's SKU in Odoo (its default_code): the channel's SKU through the channel's mapping; null until mapped. */
    public String productSku() {
        return productSku;
    }

    void mapTo(String productSku) {
        this.productSku = productSku;
    }

    public BigDecimal quantity() {
        return quantity;
    }
}
