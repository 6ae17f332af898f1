package io.portage.edi.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.loader.openssh.OpenSSHKeyPairResourceParser;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server standing in for trading partners (Apache MINA SSHD), for the local stack and the tests: one account
 * per partner, each in its own home with the folders {@value #TO_PARTNER} (where Portage puts files) and
 * {@value #FROM_PARTNER} (where the partner puts files for Portage), login by Portage's key only.
 */
public final class PartnerSftpServer implements AutoCloseable {

    public static final String TO_PARTNER = "to-partner";
    public static final String FROM_PARTNER = "from-partner";

    private final SshServer server;
    private final String hostKeyFingerprint;

    private PartnerSftpServer(SshServer server, String hostKeyFingerprint) {
        this.server = server;
        this.hostKeyFingerprint = hostKeyFingerprint;
    }

    /**
     * Starts a server on {@code host:port} (0: a free port) with {@code hostKey}, letting each user of {@code homes} in
     * with {@code client}'s key, to its home (created with its two folders).
     */
    public static PartnerSftpServer start(String host, int port, KeyPair hostKey, PublicKey client,
            Map<String, Path> homes) throws IOException {
        VirtualFileSystemFactory files = new VirtualFileSystemFactory();
        for (Map.Entry<String, Path> home : homes.entrySet()) {
            Files.createDirectories(home.getValue().resolve(TO_PARTNER));
            Files.createDirectories(home.getValue().resolve(FROM_PARTNER));
            files.setUserHomeDir(home.getKey(), home.getValue());
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator(
                (user, key, session) -> homes.containsKey(user) && KeyUtils.compareKeys(key, client));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(files);
        server.start();
        return new PartnerSftpServer(server, KeyUtils.getFingerPrint(hostKey.getPublic()));
    }

    public int port() {
        return server.getPort();
    }

    /** What edi-gateway's {@code sftp.host-key} must be ({@code SHA256:...}). */
    public String hostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /**
     * {@code --port <port> --root <folder> --partners <id>,<id>... [--host 127.0.0.1]}: one server for the local stack,
     * each partner an account of that name with its home under {@code root}. The host key ({@code root/host-key}) and
     * Portage's key pair ({@code root/portage_ecdsa}, the file edi-gateway's {@code sftp.private-key} names) are made on
     * first start and kept; the host key's fingerprint is written to {@code root/host-key.fingerprint}.
     */
    public static void main(String[] args) throws IOException, GeneralSecurityException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--host", "127.0.0.1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--port", "--root", "--partners")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("usage: PartnerSftpServer --port <port> --root <folder> "
                        + "--partners <id>,<id>... [--host <address>] (missing " + required + ")");
            }
        }
        Path root = Path.of(options.get("--root")).toAbsolutePath();
        Files.createDirectories(root);
        Map<String, Path> homes = new LinkedHashMap<>();
        Arrays.stream(options.get("--partners").split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .forEach(id -> homes.put(id, root.resolve(id)));
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(root.resolve("host-key"));
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        KeyPair hostKey = hostKeys.loadKeys(null).iterator().next();
        KeyPair portage = clientKey(root.resolve("portage_ecdsa"));
        PartnerSftpServer server = start(options.get("--host"), Integer.parseInt(options.get("--port")), hostKey,
                portage.getPublic(), homes);
        Files.writeString(root.resolve("host-key.fingerprint"), server.hostKeyFingerprint() + "\n");
        Thread running = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(running::interrupt));
        System.out.println("Partner SFTP server listening on " + options.get("--host") + ":" + server.port()
                + " for " + homes.keySet() + ", host key " + server.hostKeyFingerprint());
        try (server) {
            running.join();
        }
    }

    /** Portage's key pair at {@code file} (OpenSSH format, owner-only), made when missing. */
    public static KeyPair clientKey(Path file) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            return OpenSSHKeyPairResourceParser.INSTANCE.loadKeyPairs(null, file, null).iterator().next();
        }
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "portage", null, out);
        }
        return pair;
    }
}
