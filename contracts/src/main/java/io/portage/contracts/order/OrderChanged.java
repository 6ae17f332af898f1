package io.portage.contracts.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.portage.contracts.PersonalData;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An order was changed before its release: its ship-to and lines as they are now, replacing those of OrderReceived
 * and earlier changes, and who changed it ({@code io.portage.order.changed.v1} on {@code portage.orders}, subject =
 * {@code orderId}). Does not change the order's status.
 */
@RegisterForReflection
public record OrderChanged(
        String orderId,
        String partnerId,
        String warehouse,
        Customer customer,
        List<Line> lines,
        Actor changedBy,
        Instant changedAt) {

    /** The ship-to party. */
    @RegisterForReflection
    public record Customer(String name, String email, Address address) {

        @Override
        public String toString() {
            return "Customer[name=" + PersonalData.mask(name) + ", email=" + PersonalData.maskText(email) + ", address="
                    + address + "]";
        }
    }

    /** A postal address; {@code country} is ISO 3166-1 alpha-2. */
    @RegisterForReflection
    public record Address(String street, String city, String postalCode, String country) {

        @Override
        public String toString() {
            return "Address[street=" + PersonalData.mask(street) + ", city=" + city + ", postalCode=" + postalCode
                    + ", country=" + country + "]";
        }
    }

    /** One line as the channel ordered it: its SKU and a positive quantity. */
    @RegisterForReflection
    public record Line(String sku, BigDecimal quantity) {
    }

    /** Who changed the order: the kind of actor and its client or user id. */
    @RegisterForReflection
    public record Actor(ActorType type, String id) {
    }

    /** The kinds of actor that may change an order. */
    @RegisterForReflection
    public enum ActorType {
        PARTNER, OPERATOR
    }
}
