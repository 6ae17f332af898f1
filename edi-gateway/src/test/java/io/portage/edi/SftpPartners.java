package io.portage.edi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

import io.portage.partners.standin.PartnerSftpServer;
import io.portage.partners.standin.SftpKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The trading partners' SFTP servers for the tests: one {@link PartnerSftpServer} per partner on a free loopback port,
 * each with its own host key and folders under {@code target/sftp/<partner>}, accepting only Portage's key; the
 * partners' configuration (two 3PLs speaking different X12 versions and codes, an EDI-only carrier, two customers
 * with their own 856 rules) points edi-gateway at them.
 */
public class SftpPartners implements QuarkusTestResourceLifecycleManager {

    static final Path ROOT = Path.of("target", "sftp").toAbsolutePath();
    static final String ROTTERDAM = "3pl-rotterdam";
    static final String VENLO = "3pl-venlo";
    static final String FREIGHTLINE = "freightline";
    static final String ACME = "acme-retail";
    static final String BOLT = "bolt-stores";

    private final List<PartnerSftpServer> servers = new ArrayList<>();

    /** The folder on a partner's server where Portage puts files for it. */
    static Path toPartner(String partner) {
        return ROOT.resolve(partner).resolve(PartnerSftpServer.TO_PARTNER);
    }

    /** The folder on a partner's server where the partner puts files for Portage. */
    static Path fromPartner(String partner) {
        return ROOT.resolve(partner).resolve(PartnerSftpServer.FROM_PARTNER);
    }

    /** Drops a file into the partner's outgoing folder as a partner would: written aside, then moved in. */
    static void partnerSends(String partner, String name, String content) {
        try {
            Path temp = ROOT.resolve(partner).resolve(name + ".tmp");
            Files.writeString(temp, content);
            Files.move(temp, fromPartner(partner).resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            if (Files.exists(ROOT)) {
                try (var paths = Files.walk(ROOT)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
                }
            }
            Files.createDirectories(ROOT);
            Path privateKey = ROOT.resolve("portage_ecdsa");
            KeyPair portage = SftpKeys.loadOrCreate(privateKey);
            Map<String, String> config = new HashMap<>();
            partner(config, ROTTERDAM, portage.getPublic(), privateKey, Map.of(
                    "role", "THIRD_PARTY_LOGISTICS", "x12-version", "004010", "qualifier", "ZZ", "id", "RTM3PL",
                    "documents", "940,945,944,997", "ack-within", "3s",
                    "mappings.sku.SKU-CHAIR-01", "CH-01", "mappings.warehouse.WH1", "RTM01",
                    "mappings.condition.01", "DAMAGED", "mappings.condition.03", "SHORTAGE"));
            partner(config, VENLO, portage.getPublic(), privateKey, Map.of(
                    "role", "THIRD_PARTY_LOGISTICS", "x12-version", "005010", "qualifier", "01", "id", "123456789",
                    "application-id", "VENLOWMS", "documents", "940,945,997", "ack-within", "1h",
                    "mappings.product-qualifier", "SK", "mappings.uom", "PC", "mappings.sku.SKU-DESK-07", "DESK7"));
            partner(config, FREIGHTLINE, portage.getPublic(), privateKey, Map.of(
                    "role", "CARRIER", "x12-version", "004010", "qualifier", "02", "id", "FRLN",
                    "documents", "214,210,997", "mappings.currency", "EUR", "ta1.on-envelope-error", "true"));
            partner(config, ACME, portage.getPublic(), privateKey, Map.ofEntries(Map.entry("role", "CUSTOMER"),
                    Map.entry("x12-version", "004010"), Map.entry("qualifier", "ZZ"), Map.entry("id", "ACMERTL"),
                    Map.entry("documents", "856,997"), Map.entry("ack-within", "1h"),
                    Map.entry("mappings.asn.levels", "S,O,P,I"), Map.entry("mappings.asn.shipment-refs", "BM,CN"),
                    Map.entry("mappings.asn.order-refs", "VN"), Map.entry("mappings.asn.ship-from.qualifier", "UL"),
                    Map.entry("mappings.asn.ship-from.id", "0614141000005"),
                    Map.entry("mappings.product-qualifier", "BP"), Map.entry("mappings.sku.SKU-CHAIR-01", "ACME-CH"),
                    Map.entry("mappings.scac.dhl", "DHLC"), Map.entry("ta1.when-requested", "false")));
            partner(config, BOLT, portage.getPublic(), privateKey, Map.of(
                    "role", "CUSTOMER", "x12-version", "005010", "qualifier", "01", "id", "987654321",
                    "documents", "856,997", "mappings.asn.levels", "S,O,I", "mappings.asn.order-refs", "CO",
                    "mappings.asn.parties", "ST"));
            return config;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot start the partners' SFTP servers", e);
        }
    }

    private void partner(Map<String, String> config, String id, PublicKey portageKey, Path privateKey,
            Map<String, String> settings) throws IOException, GeneralSecurityException {
        KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        PartnerSftpServer server = PartnerSftpServer.start(ROOT.resolve(id), 0, hostKey, portageKey);
        servers.add(server);
        String prefix = "portage.edi.partners." + id + ".";
        settings.forEach((key, value) -> config.put(prefix + key, value));
        config.put(prefix + "sftp.host", "127.0.0.1");
        config.put(prefix + "sftp.port", Integer.toString(server.port()));
        config.put(prefix + "sftp.user", PartnerSftpServer.USER);
        config.put(prefix + "sftp.private-key", privateKey.toString());
        config.put(prefix + "sftp.host-key", SftpKeys.fingerprint(hostKey));
        config.put(prefix + "sftp.outbound", "/to-partner");
        config.put(prefix + "sftp.inbound", "/from-partner");
        config.put(prefix + "sftp.timeout", "5s");
        config.put(prefix + "poll-every", "300ms");
        config.put(prefix + "attempts", "2");
        config.put(prefix + "backoff", "100ms");
    }

    @Override
    public void stop() {
        servers.forEach(PartnerSftpServer::close);
    }
}
