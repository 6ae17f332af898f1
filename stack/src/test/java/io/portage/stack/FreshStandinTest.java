package io.portage.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.partners.standin.LocalPartners;

/**
 * A new Odoo stand-in starts empty, so a stopped stack starts its services' data afresh with it: the databases, Kafka
 * and the partners' folders go, the partners' keys stay (edi-gateway pins their fingerprints).
 */
class FreshStandinTest {

    @TempDir
    Path run;

    @Test
    void aStoppedStackForgetsWhatReferredToTheLastStandin() throws Exception {
        Files.createDirectories(run.resolve("postgres/data"));
        Files.createDirectories(run.resolve("kafka/data"));
        Path partners = run.resolve("partners");
        Path sent = LocalPartners.sftpHome(partners, "acme-3pl").resolve("to-partner/940_acme-3pl_000000001.x12");
        Files.createDirectories(sent.getParent());
        Files.writeString(sent, "ISA*");
        Path key = LocalPartners.hostKey(partners, "acme-3pl");
        Files.createDirectories(key.getParent());
        Files.writeString(key, "key");
        Files.createDirectories(run.resolve("edge"));

        Launcher launcher = new Launcher(PortageHome.locate(), run, 31_000);
        org.junit.jupiter.api.Assumptions.assumeTrue(launcher.realOdoo().isEmpty(), "PORTAGE_ODOO_URL is set here");
        launcher.freshWithTheStandin();

        assertThat(run.resolve("postgres")).doesNotExist();
        assertThat(run.resolve("kafka")).doesNotExist();
        assertThat(LocalPartners.sftpRoot(partners)).doesNotExist();
        assertThat(key).exists();
        assertThat(run.resolve("edge")).exists();
    }
}
