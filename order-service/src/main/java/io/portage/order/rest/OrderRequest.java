package io.portage.order.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.portage.contracts.PersonalData;

/** The body of {@code POST /api/v1/orders}. */
public record OrderRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be lower-case letters, digits and dashes (max 40)") String channel,
        @NotBlank @Size(max = 100) String externalId,
        @Size(min = 1, max = 32) @Pattern(regexp = "[A-Z0-9-]+", message = "must be an upper-case warehouse code") String warehouse,
        @NotNull @Valid CustomerRequest customer,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid LineRequest> lines) {

    /** Who the order ships to. */
    public record CustomerRequest(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @NotNull @Valid AddressRequest address) {

        @Override
        public String toString() {
            return "CustomerRequest[name=" + PersonalData.mask(name) + ", email=" + PersonalData.maskText(email) + ", address="
                    + address + "]";
        }
    }

    /** Postal address; {@code country} is ISO 3166-1 alpha-2. */
    public record AddressRequest(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as NL") String country) {

        @Override
        public String toString() {
            return "AddressRequest[street=" + PersonalData.mask(street) + ", city=" + city + ", postalCode=" + postalCode
                    + ", country=" + country + "]";
        }
    }

    /** One ordered item. */
    public record LineRequest(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal quantity) {
    }
}
