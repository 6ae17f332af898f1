package io.portage.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer order as received from a channel; (channel, externalId) is unique, so a resubmission finds it. */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    private UUID id;
    private String channel;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "partner_id")
    private String partnerId;
    private String warehouse;
    @Column(name = "customer_name")
    private String customerName;
    @Column(name = "customer_email")
    private String customerEmail;
    private String street;
    private String city;
    @Column(name = "postal_code")
    private String postalCode;
    private String country;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    /** A newly received order with its lines, numbered from 1 in the order given. */
    public static Order receive(String channel, String externalId, String partnerId, String warehouse, Customer customer,
            List<OrderLine.Item> items, String correlationId, Instant receivedAt) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.channel = channel;
        order.externalId = externalId;
        order.partnerId = partnerId;
        order.warehouse = warehouse;
        order.customerName = customer.name();
        order.customerEmail = customer.email();
        order.street = customer.street();
        order.city = customer.city();
        order.postalCode = customer.postalCode();
        order.country = customer.country();
        order.status = OrderStatus.RECEIVED;
        order.correlationId = correlationId;
        order.receivedAt = receivedAt;
        for (int i = 0; i < items.size(); i++) {
            order.lines.add(new OrderLine(order, i + 1, items.get(i)));
        }
        return order;
    }

    /** The ship-to party. */
    public record Customer(String name, String email, String street, String city, String postalCode, String country) {
    }

    public UUID id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    public String externalId() {
        return externalId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String warehouse() {
        return warehouse;
    }

    public Customer customer() {
        return new Customer(customerName, customerEmail, street, city, postalCode, country);
    }

    public OrderStatus status() {
        return status;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }
}
