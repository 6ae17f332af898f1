package io.portage.odoo.connector.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.portage.odoo.connector.OdooConfig;
import io.portage.odoo.connector.error.OdooAuthException;

/** The current credential for Odoo: configured password or API key, or an API key file re-read when it changes. */
public final class Credentials {

    private static final Logger LOG = Logger.getLogger(Credentials.class);

    private final String login;
    private final Optional<String> password;
    private final Optional<String> apiKey;
    private final Optional<Path> apiKeyFile;
    private volatile Credential current;
    private volatile FileTime fileTime;
    private volatile long fileSize = -1;

    public Credentials(OdooConfig config) {
        this.login = config.login().orElse("");
        this.password = config.password().filter(s -> !s.isBlank());
        this.apiKey = config.apiKey().filter(s -> !s.isBlank());
        this.apiKeyFile = config.apiKeyFile();
    }

    /** Whether an API key (inline or in a file) is configured, which JSON-2 requires. */
    public boolean hasApiKey() {
        return apiKey.isPresent() || apiKeyFile.isPresent();
    }

    /** The credential to use now; a changed key file is picked up here. */
    public Credential current() {
        if (apiKeyFile.isPresent()) {
            Path file = apiKeyFile.get();
            try {
                FileTime time = Files.getLastModifiedTime(file);
                long size = Files.size(file);
                if (current == null || !time.equals(fileTime) || size != fileSize) {
                    readFile(file, time, size);
                }
            } catch (IOException e) {
                if (current == null) {
                    throw new OdooAuthException("api-key-file", "cannot read the Odoo API key file " + file);
                }
                LOG.warnf("Cannot check the Odoo API key file %s, keeping the key read before", file);
            }
            return current;
        }
        Credential c = current;
        if (c == null) {
            c = apiKey.map(k -> new Credential(login, k, true))
                    .or(() -> password.map(p -> new Credential(login, p, false)))
                    .orElseThrow(() -> new OdooAuthException("no-credentials",
                            "set portage.odoo.password, portage.odoo.api-key or portage.odoo.api-key-file"));
            current = c;
        }
        return c;
    }

    /** Re-reads the key file after an authentication failure; true when it now holds a different key. */
    public boolean reloadAfterAuthFailure(Credential failed) {
        if (apiKeyFile.isEmpty()) {
            return false;
        }
        try {
            Path file = apiKeyFile.get();
            readFile(file, Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            return false;
        }
        return !current.secret().equals(failed.secret());
    }

    private synchronized void readFile(Path file, FileTime time, long size) throws IOException {
        String key = Files.readString(file).strip();
        if (key.isEmpty()) {
            throw new IOException("empty API key file");
        }
        boolean changed = current != null && !current.secret().equals(key);
        current = new Credential(login, key, true);
        fileTime = time;
        fileSize = size;
        if (changed) {
            LOG.infof("Odoo API key file %s changed; using the new key", file);
        }
    }
}
