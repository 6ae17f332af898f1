package io.portage.edge.service;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.portage.edge.config.EdgeConfig;
import io.portage.edge.domain.AccessKey;
import io.portage.edge.domain.AccessKeys;
import io.portage.edge.domain.AccessRole;
import io.portage.edge.repository.KeyFile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells whose key a request or a scanner's connection presents, from the keys file: devices and integrations send
 * events, operators read the status and dead letters and replay them.
 */
@ApplicationScoped
public class AccessService {

    private final KeyFile file;
    private AccessKeys logged;

    public AccessService(EdgeConfig config) {
        this.file = new KeyFile(Path.of(config.auth().keysFile()));
    }

    void start(@Observes StartupEvent event) {
        keys();
    }

    /** The key presented, if it is one the keys file holds now. */
    public Optional<AccessKey> identify(String presented) {
        return keys().find(presented);
    }

    /** Whether {@code presented} is a key of {@code role} (false for a revoked or unknown key). */
    public boolean admits(String presented, AccessRole role) {
        return identify(presented).filter(key -> key.role() == role).isPresent();
    }

    private synchronized AccessKeys keys() {
        AccessKeys keys = file.current();
        if (keys != logged) {
            logged = keys;
            if (keys.keys().isEmpty()) {
                Log.warnf("No keys in %s: every request and scanner connection is refused until one is created with"
                        + " `java -jar quarkus-run.jar keys create <name> --file %s`", file.path().toAbsolutePath(),
                        file.path());
            } else {
                Log.infof("Keys from %s: %d device or integration keys, %d operator keys", file.path().toAbsolutePath(),
                        keys.count(AccessRole.DEVICE), keys.count(AccessRole.OPERATOR));
            }
        }
        return keys;
    }
}
