package io.portage.odoo.connector.transport;

/** The version an Odoo server reports at {@code /web/webclient/version_info}, e.g. serie "18.0", major 18. */
public record OdooVersion(String serverVersion, String serie, int major) {

    /** Whether products use {@code type: "consu"} with {@code is_storable} (18+) instead of {@code type: "product"}. */
    public boolean hasIsStorable() {
        return major >= 18;
    }

    /** Whether the server has the JSON-2 API ({@code /json/2/<model>/<method>}). */
    public boolean hasJson2() {
        return major >= 19;
    }
}
