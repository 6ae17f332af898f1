package io.portage.partners.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A trading partner's SFTP server (Apache MINA SSHD) on loopback: its own host key, one user {@code portage} who signs
 * in with Portage's key only (no passwords), and a home holding {@code to-partner} (where Portage puts files) and
 * {@code from-partner} (where the partner puts files for Portage).
 */
public final class PartnerSftpServer implements AutoCloseable {

    public static final String USER = "portage";
    public static final String TO_PARTNER = "to-partner";
    public static final String FROM_PARTNER = "from-partner";

    private final SshServer server;
    private final Path home;

    private PartnerSftpServer(SshServer server, Path home) {
        this.server = server;
        this.home = home;
    }

    /** Starts a server on {@code port} ({@code 0}: any free one) serving {@code home}. */
    public static PartnerSftpServer start(Path home, int port, KeyPair hostKey, PublicKey portageKey) {
        try {
            Files.createDirectories(home.resolve(TO_PARTNER));
            Files.createDirectories(home.resolve(FROM_PARTNER));
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(port);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setPublickeyAuthenticator(
                    (user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, portageKey));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(home));
            server.start();
            return new PartnerSftpServer(server, home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an SFTP server on port " + port + " for " + home, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
