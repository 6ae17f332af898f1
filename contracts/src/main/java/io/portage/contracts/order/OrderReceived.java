package io.portage.contracts.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.portage.contracts.PersonalData;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An order was received from a channel and stored by order-service ({@code io.portage.order.received.v1} on
 * {@code portage.orders}). The pair (channel, externalId) identifies it at its source.
 */
@RegisterForReflection
public record OrderReceived(
        String orderId,
        String channel,
        String externalId,
        String partnerId,
        String warehouse,
        Customer customer,
        List<Line> lines,
        Instant receivedAt) {

    /** Who the order ships to. */
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

    /** One ordered item: the channel's SKU and a positive quantity. */
    @RegisterForReflection
    public record Line(String sku, BigDecimal quantity) {
    }
}
