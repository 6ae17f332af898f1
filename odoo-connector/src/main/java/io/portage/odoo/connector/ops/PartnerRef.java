package io.portage.odoo.connector.ops;

/**
 * A partner as Portage knows it: its external reference (stored in Odoo's {@code ref}), name, e-mail and, for a
 * customer shipped to, its address (null when not known). Its {@code toString} masks the personal data (a log line
 * never carries a customer's name, e-mail or street).
 */
public record PartnerRef(String ref, String name, String email, boolean company, Address address) {

    public PartnerRef(String ref, String name, String email, boolean company) {
        this(ref, name, email, company, null);
    }

    @Override
    public String toString() {
        return "PartnerRef[ref=" + ref + ", name=" + masked(name) + ", email=" + masked(email) + ", company=" + company
                + ", address=" + address + "]";
    }

    /** A postal address; {@code countryCode} is ISO 3166-1 alpha-2, matched to Odoo's {@code res.country} by code. */
    public record Address(String street, String city, String zip, String countryCode) {

        @Override
        public String toString() {
            return "Address[street=" + masked(street) + ", city=" + city + ", zip=" + zip + ", countryCode=" + countryCode
                    + "]";
        }
    }

    /** The first character and {@code ***}, as contracts' {@code PersonalData.mask} (this module stands alone). */
    private static String masked(String value) {
        return value == null || value.isEmpty() ? value : value.substring(0, value.offsetByCodePoints(0, 1)) + "***";
    }
}
