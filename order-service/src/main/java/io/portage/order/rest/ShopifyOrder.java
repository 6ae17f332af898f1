package io.portage.order.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.portage.contracts.PersonalData;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of a Shopify-style {@code orders/create} webhook payload that makes an order (the names are Shopify's, so a
 * problem's field path is the one in the payload); everything else in the payload is ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShopifyOrder(
        @NotNull @Positive Long id,
        String name,
        @Email @Size(max = 320) String email,
        @NotNull @Valid Address shipping_address,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid LineItem> line_items) {

    @Override
    public String toString() {
        return "ShopifyOrder[id=" + id + ", name=" + name + ", email=" + PersonalData.maskText(email) + ", shipping_address="
                + shipping_address + ", line_items=" + line_items + "]";
    }

    /** The shipping address. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(
            @Size(max = 100) String first_name,
            @Size(max = 100) String last_name,
            @Size(max = 200) String name,
            @NotBlank @Size(max = 150) String address1,
            @Size(max = 49) String address2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String zip,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as NL") String country_code) {

        @Override
        public String toString() {
            return "Address[first_name=" + PersonalData.mask(first_name) + ", last_name=" + PersonalData.mask(last_name)
                    + ", name=" + PersonalData.mask(name) + ", address1=" + PersonalData.mask(address1) + ", address2="
                    + PersonalData.mask(address2) + ", city=" + city + ", zip=" + zip + ", country_code=" + country_code + "]";
        }
    }

    /** One line item; Shopify quantities are whole units. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LineItem(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive @DecimalMax("1000000") BigDecimal quantity,
            @Size(max = 255) String title) {
    }
}
