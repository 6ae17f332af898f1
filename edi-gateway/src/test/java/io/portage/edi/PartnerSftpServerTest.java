package io.portage.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.portage.edi.client.SftpTransport;
import io.portage.edi.domain.Partner;
import io.portage.edi.standin.PartnerSftpServer;

/** The partners' SFTP server the local stack starts: edi-gateway's own transport gets in with the files it leaves. */
class PartnerSftpServerTest {

    @TempDir
    Path root;

    @Test
    void eachPartnerIsAnAccountWithItsFoldersOpenToPortagesKeyAlone() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Thread server = new Thread(() -> {
            try {
                PartnerSftpServer.main(new String[]{"--port", Integer.toString(port), "--root", root.toString(),
                        "--partners", "3pl-rotterdam,freightline"});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        server.setDaemon(true);
        server.start();
        try {
            Path fingerprint = root.resolve("host-key.fingerprint");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(fingerprint));
            String hostKey = Files.readString(fingerprint).trim();
            assertThat(hostKey).startsWith("SHA256:");
            assertThat(root.resolve("freightline").resolve(PartnerSftpServer.FROM_PARTNER)).isDirectory();

            SftpTransport transport = new SftpTransport();
            try (SftpTransport.Connection connection = transport.open(endpoint(port, "3pl-rotterdam", hostKey))) {
                connection.upload("/" + PartnerSftpServer.TO_PARTNER, "940_1.x12",
                        "ISA*...".getBytes(StandardCharsets.US_ASCII));
                assertThat(connection.list("/" + PartnerSftpServer.FROM_PARTNER)).isEmpty();
            }
            assertThat(root.resolve("3pl-rotterdam").resolve(PartnerSftpServer.TO_PARTNER).resolve("940_1.x12"))
                    .hasContent("ISA*...");
            assertThatThrownBy(() -> transport.open(endpoint(port, "stranger", hostKey)))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> transport.open(endpoint(port, "freightline", "SHA256:not-this-server")))
                    .isInstanceOf(IOException.class);
        } finally {
            server.interrupt();
            server.join(10_000);
        }
    }

    private Partner.SftpEndpoint endpoint(int port, String user, String hostKey) {
        return new Partner.SftpEndpoint("127.0.0.1", port, user, root.resolve("portage_ecdsa").toString(), hostKey,
                "/" + PartnerSftpServer.TO_PARTNER, "/" + PartnerSftpServer.FROM_PARTNER, Duration.ofSeconds(5));
    }
}
