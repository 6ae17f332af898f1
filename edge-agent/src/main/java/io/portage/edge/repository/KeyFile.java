package io.portage.edge.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.portage.edge.domain.AccessKey;
import io.portage.edge.domain.AccessKeys;
import io.portage.edge.domain.AccessRole;
import io.quarkus.logging.Log;

/**
 * The keys file ({@code portage.edge.auth.keys-file}): one line per key, {@code <name> <role> <sha256> <created>},
 * never a key itself. Written whole to a temporary file beside it and moved into place, keeping the old file's owner,
 * group and permissions (a new file is {@code rw-r-----}), so the agent never reads half a file.
 */
public final class KeyFile {

    private static final String HEADER = "# Portage edge agent keys: <name> <role> <sha256 of the key> <created>. The keys"
            + " themselves are shown once, when created; manage with `java -jar quarkus-run.jar keys --help`.";
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r-----");

    private final Path path;
    private Object seen;
    private AccessKeys current = AccessKeys.NONE;

    public KeyFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The keys as the file holds them now; read again only when the file changed (its inode, size or time). */
    public synchronized AccessKeys current() {
        Object stamp;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            stamp = List.of(Objects.toString(attributes.fileKey()), attributes.size(), attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            stamp = "missing";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keys file " + path, e);
        }
        if (!stamp.equals(seen)) {
            seen = stamp;
            try {
                current = read();
            } catch (IllegalStateException e) {
                // Fail closed: a key the file no longer clearly holds must not stay valid.
                Log.errorf("%s: refusing every key until the file is mended", e.getMessage());
                current = AccessKeys.NONE;
            }
        }
        return current;
    }

    /** Reads the file; a missing file holds no keys. A malformed line fails naming its number. */
    public AccessKeys read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return AccessKeys.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keys file " + path, e);
        }
        List<AccessKey> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            try {
                if (fields.length != 4) {
                    throw new IllegalArgumentException("expected <name> <role> <sha256> <created>");
                }
                keys.add(new AccessKey(fields[0], AccessRole.ofWord(fields[1]), fields[2], Instant.parse(fields[3])));
            } catch (RuntimeException e) {
                throw new IllegalStateException(path + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new AccessKeys(keys);
    }

    /** Adds a key for {@code name} and answers the key, the only time it exists outside its holder. */
    public synchronized String create(String name, AccessRole role, Instant now) {
        AccessKeys keys = read();
        if (keys.named(name).isPresent()) {
            throw new IllegalArgumentException("a key named " + name + " exists; revoke it first");
        }
        String key = AccessKey.newKey();
        List<AccessKey> all = new ArrayList<>(keys.keys());
        all.add(new AccessKey(name, role, AccessKey.sha256Of(key), now));
        write(all);
        return key;
    }

    /** Removes the key named {@code name}; false when there is none. */
    public synchronized boolean revoke(String name) {
        AccessKeys keys = read();
        if (keys.named(name).isEmpty()) {
            return false;
        }
        write(keys.keys().stream().filter(key -> !key.name().equals(name)).toList());
        return true;
    }

    private void write(List<AccessKey> keys) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (AccessKey key : keys) {
            text.append(key.name())
                    .append(' ')
                    .append(key.role().word())
                    .append(' ')
                    .append(key.sha256())
                    .append(' ')
                    .append(key.created())
                    .append('\n');
        }
        Path absolute = path.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                keepOwnership(temporary);
                try {
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keys file " + path, e);
        }
    }

    /** The replacement gets the file's owner, group and mode, so whoever could read it (the agent) still can. */
    private void keepOwnership(Path replacement) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        if (!Files.exists(path)) {
            view.setPermissions(NEW_FILE);
            return;
        }
        PosixFileAttributes old = Files.readAttributes(path, PosixFileAttributes.class);
        view.setPermissions(old.permissions());
        try {
            view.setGroup(old.group());
            view.setOwner(old.owner());
        } catch (IOException e) {
            // Giving a file away takes root: run by anyone else, the file stays its writer's.
        }
    }
}
