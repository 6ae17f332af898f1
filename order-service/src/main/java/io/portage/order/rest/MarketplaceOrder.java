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
 * A marketplace order notification (the shape of Amazon-style seller APIs: a marketplace order id, the buyer, the
 * ship-to and items by seller SKU); other fields are ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MarketplaceOrder(
        @NotBlank @Size(max = 100) String marketplaceOrderId,
        @NotNull @Valid Buyer buyer,
        @NotNull @Valid ShipTo shipTo,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Item> items) {

    /** Who bought. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Buyer(@Size(max = 200) String name, @Email @Size(max = 320) String email) {

        @Override
        public String toString() {
            return "Buyer[name=" + PersonalData.mask(name) + ", email=" + PersonalData.maskText(email) + "]";
        }
    }

    /** Where it ships. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShipTo(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 150) String addressLine1,
            @Size(max = 49) String addressLine2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as NL") String countryCode) {

        @Override
        public String toString() {
            return "ShipTo[name=" + PersonalData.mask(name) + ", addressLine1=" + PersonalData.mask(addressLine1)
                    + ", addressLine2=" + PersonalData.mask(addressLine2) + ", city=" + city + ", postalCode=" + postalCode
                    + ", countryCode=" + countryCode + "]";
        }
    }

    /** One item, by the seller's SKU. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            @NotBlank @Size(max = 64) String sellerSku,
            @NotNull @Positive @DecimalMax("1000000") BigDecimal quantityOrdered) {
    }
}
