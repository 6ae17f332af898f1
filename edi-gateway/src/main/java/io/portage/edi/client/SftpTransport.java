package io.portage.edi.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import io.portage.edi.domain.Partner;

/**
 * SFTP to the partners' servers with Apache MINA SSHD: key-based authentication, the server's host key checked against
 * the partner's configured fingerprint, and the file operations the gateway needs (atomic upload, list, atomic pickup
 * by rename, bounded read, remove). One session per {@link #open}; retries and the breaker are the caller's.
 */
@ApplicationScoped
public class SftpTransport {

    private static final AttributeRepository.AttributeKey<String> EXPECTED_HOST_KEY = new AttributeRepository.AttributeKey<>();

    /** The suffix of a file being uploaded (renamed away when complete). */
    public static final String PART = ".part";
    /** The suffix of a file Portage took for processing (renamed to, so no second reader takes it). */
    public static final String TAKEN = ".portage-taken";

    private final SshClient client;

    public SftpTransport() {
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> {
            AttributeRepository context = session.getConnectionContext();
            String expected = context == null ? null : context.getAttribute(EXPECTED_HOST_KEY);
            return expected != null && expected.equals(KeyUtils.getFingerPrint(key));
        });
        client.start();
    }

    @PreDestroy
    void stop() throws IOException {
        client.stop();
    }

    /** A file in a partner's folder. */
    public record RemoteFile(String name, long size, boolean taken) {

        /** The file's name on the server now ({@code .name.portage-taken} once taken). */
        public String takenName() {
            return "." + name + TAKEN;
        }
    }

    /** An open SFTP session on one partner's server. */
    public interface Connection extends AutoCloseable {

        /** Writes {@code name} in {@code folder} atomically: as {@code .name.part}, then renamed. */
        void upload(String folder, String name, byte[] content) throws IOException;

        /**
         * The regular files in {@code folder}: the partner's, and the ones Portage took but did not finish (a crash
         * between pickup and removal), flagged {@code taken}; uploads in progress are left out.
         */
        List<RemoteFile> list(String folder) throws IOException;

        /** Renames a file to {@code name + TAKEN}; false when another reader took it first. */
        boolean take(String folder, String name) throws IOException;

        /** The content of a file, refused beyond {@code maxBytes}. */
        byte[] read(String folder, String name, long maxBytes) throws IOException;

        void remove(String folder, String name) throws IOException;

        @Override
        void close() throws IOException;
    }

    public Connection open(Partner.SftpEndpoint endpoint) throws IOException {
        Duration timeout = endpoint.timeout();
        ClientSession session = client
                .connect(endpoint.user(), endpoint.host(), endpoint.port(),
                        AttributeRepository.ofKeyValuePair(EXPECTED_HOST_KEY, endpoint.hostKey()))
                .verify(timeout)
                .getSession();
        try {
            session.setKeyIdentityProvider(new FileKeyPairProvider(Path.of(endpoint.privateKey())));
            session.auth().verify(timeout);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            return new SftpConnection(session, sftp);
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    private record SftpConnection(ClientSession session, SftpClient sftp) implements Connection {

        @Override
        public void upload(String folder, String name, byte[] content) throws IOException {
            String part = folder + "/." + name + PART;
            try (OutputStream out = sftp.write(part, EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                    SftpClient.OpenMode.Truncate))) {
                out.write(content);
            }
            sftp.rename(part, folder + "/" + name);
        }

        @Override
        public List<RemoteFile> list(String folder) throws IOException {
            List<RemoteFile> files = new ArrayList<>();
            for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
                String name = entry.getFilename();
                if (!entry.getAttributes().isRegularFile()) {
                    continue;
                }
                long size = entry.getAttributes().getSize();
                if (name.startsWith(".") && name.endsWith(TAKEN)) {
                    files.add(new RemoteFile(name.substring(1, name.length() - TAKEN.length()), size, true));
                } else if (!name.startsWith(".")) {
                    files.add(new RemoteFile(name, size, false));
                }
            }
            files.sort(java.util.Comparator.comparing(RemoteFile::name));
            return files;
        }

        @Override
        public boolean take(String folder, String name) throws IOException {
            try {
                sftp.rename(folder + "/" + name, folder + "/." + name + TAKEN);
                return true;
            } catch (org.apache.sshd.sftp.common.SftpException e) {
                return false;
            }
        }

        @Override
        public byte[] read(String folder, String name, long maxBytes) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream in = sftp.read(folder + "/" + name)) {
                byte[] buffer = new byte[32 * 1024];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    bytes.write(buffer, 0, read);
                    if (bytes.size() > maxBytes) {
                        throw new FileTooLargeException(name, maxBytes);
                    }
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public void remove(String folder, String name) throws IOException {
            sftp.remove(folder + "/" + name);
        }

        @Override
        public void close() throws IOException {
            try {
                sftp.close();
            } finally {
                session.close(false);
            }
        }
    }

    /** A file larger than the partner's limit: refused, not read to the end. */
    public static class FileTooLargeException extends IOException {

        public FileTooLargeException(String name, long maxBytes) {
            super(name + " is larger than the partner's limit of " + maxBytes + " bytes");
        }
    }
}
