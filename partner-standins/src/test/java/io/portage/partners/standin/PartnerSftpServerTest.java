package io.portage.partners.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner's SFTP server takes Portage's key and no other, and serves the partner's two folders. */
class PartnerSftpServerTest {

    @TempDir
    Path dir;

    @Test
    void portageSignsInWithItsKeyAndPutsAFileForThePartner() throws Exception {
        KeyPair portage = SftpKeys.loadOrCreate(dir.resolve("portage_ecdsa"));
        KeyPair host = SftpKeys.loadOrCreate(dir.resolve("host"));
        assertThat(SftpKeys.loadOrCreate(dir.resolve("portage_ecdsa")).getPublic()).isEqualTo(portage.getPublic());
        assertThat(SftpKeys.fingerprint(host)).startsWith("SHA256:");

        try (PartnerSftpServer server = PartnerSftpServer.start(dir.resolve("home"), 0, host, portage.getPublic());
                SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = client.connect(PartnerSftpServer.USER, "127.0.0.1", server.port())
                    .verify(Duration.ofSeconds(5))
                    .getSession()) {
                session.addPublicKeyIdentity(portage);
                session.auth().verify(Duration.ofSeconds(5));
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
                        var out = sftp.write("/to-partner/940.edi")) {
                    out.write("ISA*00*".getBytes(StandardCharsets.UTF_8));
                }
            }
            assertThat(Files.readString(server.home().resolve("to-partner/940.edi"))).isEqualTo("ISA*00*");

            KeyPair stranger = SftpKeys.loadOrCreate(dir.resolve("stranger"));
            try (ClientSession session = client.connect(PartnerSftpServer.USER, "127.0.0.1", server.port())
                    .verify(Duration.ofSeconds(5))
                    .getSession()) {
                session.addPublicKeyIdentity(stranger);
                assertThatThrownBy(() -> session.auth().verify(Duration.ofSeconds(5)))
                        .hasMessageContaining("No more authentication methods available");
            }
        }
    }
}
