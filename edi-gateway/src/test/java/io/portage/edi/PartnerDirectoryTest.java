package io.portage.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.edi.config.EdiConfig;
import io.portage.edi.domain.DocumentType;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.PartnerRole;
import io.portage.edi.domain.X12Version;
import io.portage.edi.service.PartnerConfigurationException;
import io.portage.edi.service.PartnerDirectory;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Partners are data: read from configuration keys and validated together, every problem named by its key. */
class PartnerDirectoryTest {

    @TempDir
    Path dir;

    Map<String, String> threePl(String id) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, "not read here");
        String p = "portage.edi.partners." + id + ".";
        Map<String, String> config = new HashMap<>();
        config.put(p + "role", "THIRD_PARTY_LOGISTICS");
        config.put(p + "x12-version", "004010");
        config.put(p + "qualifier", "ZZ");
        config.put(p + "id", "RTM3PL");
        config.put(p + "documents", "940,945,997");
        config.put(p + "mappings.sku.SKU-CHAIR-01", "CH-01");
        config.put(p + "sftp.host", "sftp.rtm.example");
        config.put(p + "sftp.user", "portage");
        config.put(p + "sftp.private-key", key.toString());
        config.put(p + "sftp.host-key", "SHA256:abc");
        config.put(p + "sftp.outbound", "/in");
        config.put(p + "sftp.inbound", "/out");
        return config;
    }

    static PartnerDirectory directory(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        // Outside Quarkus durations are ISO-8601 (Quarkus reads "1s" too).
        all.put("portage.edi.dispatch-every", "PT1S");
        all.put("portage.edi.ack-check-every", "PT30S");
        ConfigSource source = new PropertiesConfigSource(all, "test", 500);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(EdiConfig.class).withSources(source).build();
        return new PartnerDirectory(config.getConfigMapping(EdiConfig.class));
    }

    @Test
    void readsAPartnerWithItsDefaults() throws Exception {
        PartnerDirectory directory = directory(threePl("3pl-rotterdam"));

        Partner partner = directory.find("3pl-rotterdam").orElseThrow();
        assertThat(partner.role()).isEqualTo(PartnerRole.THIRD_PARTY_LOGISTICS);
        assertThat(partner.version()).isEqualTo(X12Version.V004010);
        assertThat(partner.documents()).containsExactlyInAnyOrder(DocumentType.WAREHOUSE_SHIPPING_ORDER,
                DocumentType.WAREHOUSE_SHIPPING_ADVICE, DocumentType.FUNCTIONAL_ACKNOWLEDGMENT);
        assertThat(partner.mapping("sku.SKU-CHAIR-01", "x")).isEqualTo("CH-01");
        assertThat(partner.sftp().port()).isEqualTo(22);
        assertThat(partner.applicationId()).isEqualTo("RTM3PL");
        assertThat(directory.sender().id()).isEqualTo("PORTAGE");
    }

    @Test
    void namesEveryWrongKeyAtOnce() throws Exception {
        Map<String, String> config = threePl("3pl-rotterdam");
        config.put("portage.edi.partners.3pl-rotterdam.x12-version", "003040");
        config.put("portage.edi.partners.3pl-rotterdam.documents", "940,210,999");
        config.put("portage.edi.partners.3pl-rotterdam.qualifier", "zzz");
        config.remove("portage.edi.partners.3pl-rotterdam.sftp.host-key");
        config.put("portage.edi.partners.3pl-rotterdam.sftp.private-key", dir.resolve("missing").toString());

        assertThatThrownBy(() -> directory(config)).isInstanceOf(PartnerConfigurationException.class)
                .satisfies(e -> assertThat(((PartnerConfigurationException) e).problems()).containsExactlyInAnyOrder(
                        "portage.edi.partners.3pl-rotterdam.x12-version: '003040' is not 004010 or 005010",
                        "portage.edi.partners.3pl-rotterdam.qualifier: 'zzz' is not a two-character interchange id qualifier (e.g. ZZ, 01, 12)",
                        "portage.edi.partners.3pl-rotterdam.documents: a THIRD_PARTY_LOGISTICS does not exchange 210",
                        "portage.edi.partners.3pl-rotterdam.documents: '999' is not a document Portage exchanges (940, 945, 944, 856, 214, 210, 997)",
                        "portage.edi.partners.3pl-rotterdam.sftp.private-key: " + dir.resolve("missing") + " cannot be read",
                        "portage.edi.partners.3pl-rotterdam.sftp.host-key: missing (the server's host key fingerprint (SHA256:...))"));
    }

    @Test
    void aPartnerWithoutRoleOrServerIsRefused() {
        Map<String, String> config = Map.of("portage.edi.partners.acme.id", "ACME", "portage.edi.partners.acme.qualifier",
                "ZZ");

        assertThatThrownBy(() -> directory(config)).isInstanceOf(PartnerConfigurationException.class)
                .hasMessageContaining("portage.edi.partners.acme.role: missing")
                .hasMessageContaining("portage.edi.partners.acme.x12-version: missing")
                .hasMessageContaining("portage.edi.partners.acme.documents: missing")
                .hasMessageContaining("portage.edi.partners.acme.sftp.host: missing");
    }
}
