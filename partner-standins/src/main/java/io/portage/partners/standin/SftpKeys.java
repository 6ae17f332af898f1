package io.portage.partners.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.loader.openssh.OpenSSHKeyPairResourceParser;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;

/**
 * SSH key pairs kept as OpenSSH private key files (mode 600): Portage's own key, which partners' servers accept, and
 * each partner server's host key, whose fingerprint edi-gateway pins. Made once, then read back.
 */
public final class SftpKeys {

    private SftpKeys() {
    }

    /** The ECDSA P-256 key pair in {@code file}, made there first when it does not exist. */
    public static KeyPair loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    Iterator<KeyPair> pairs = OpenSSHKeyPairResourceParser.INSTANCE
                            .loadKeyPairs(null, new PathResource(file), null, in)
                            .iterator();
                    if (!pairs.hasNext()) {
                        throw new IllegalStateException(file + " holds no key pair");
                    }
                    return pairs.next();
                }
            }
            Files.createDirectories(file.getParent());
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "portage", null, out);
            }
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the SSH key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read or make the SSH key " + file, e);
        }
    }

    /** The key's SHA-256 fingerprint as OpenSSH prints it ({@code SHA256:...}), what edi-gateway pins. */
    public static String fingerprint(KeyPair pair) {
        return KeyUtils.getFingerPrint(pair.getPublic());
    }
}
