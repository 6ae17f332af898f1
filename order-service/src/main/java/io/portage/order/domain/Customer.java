package io.portage.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import io.portage.contracts.PersonalData;

/** An order's ship-to party: who receives it and where. */
@Embeddable
public record Customer(@Column(name = "customer_name") String name, @Column(name = "customer_email") String email,
        String street, String city, @Column(name = "postal_code") String postalCode, String country) {

    @Override
    public String toString() {
        return "Customer[name=" + PersonalData.mask(name) + ", email=" + PersonalData.maskText(email) + ", street="
                + PersonalData.mask(street) + ", city=" + city + ", postalCode=" + postalCode + ", country=" + country + "]";
    }

    /** The longest name an order holds (customer_name, and the events' schemas). */
    public static final int MAX_NAME = 200;
    /** The longest street an order holds (street, and the events' schemas). */
    public static final int MAX_STREET = 200;
}
