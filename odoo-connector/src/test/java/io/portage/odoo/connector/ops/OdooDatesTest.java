package io.portage.odoo.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.portage.odoo.connector.transport.OdooVersion;

/** Odoo's date strings and product type fields. */
class OdooDatesTest {

    @Test
    void formatsAndParsesUtcWithoutZone() {
        Instant when = Instant.parse("2026-03-01T17:05:09.750Z");
        assertThat(OdooDates.format(when)).isEqualTo("2026-03-01 17:05:09");
        assertThat(OdooDates.parse("2026-03-01 17:05:09")).isEqualTo(Instant.parse("2026-03-01T17:05:09Z"));
        assertThat(OdooDates.parse("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(OdooDates.parse("false")).isNull();
    }

    @Test
    void storableProductsByVersion() {
        assertThat(ProductTypes.typeValues(new OdooVersion("17.0", "17.0", 17), true)).containsEntry("type", "product");
        assertThat(ProductTypes.typeValues(new OdooVersion("18.0", "18.0", 18), true)).containsEntry("type", "consu")
                .containsEntry("is_storable", true);
    }
}
