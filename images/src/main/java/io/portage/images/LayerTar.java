package io.portage.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * One image layer as a reproducible tar: entries sorted by path, owned by root, fixed modes and time, so the same
 * files always give the same bytes and therefore the same digest (the layer is shared and cached by it).
 */
final class LayerTar {

    /** Every entry's modification time: 2000-01-01T00:00:00Z (a fixed time keeps the layer's digest stable). */
    static final long MTIME_MILLIS = 946_684_800_000L;

    private sealed interface Entry permits Dir, FileFrom, Bytes {
    }

    private record Dir(int mode) implements Entry {
    }

    private record FileFrom(Path source, int mode) implements Entry {
    }

    private record Bytes(byte[] content, int mode) implements Entry {
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    /** A directory and its parents, mode 0755 unless given (e.g. 01777 for /tmp). */
    LayerTar directory(String path, int mode) {
        String normal = strip(path);
        parents(normal);
        entries.put(normal + "/", new Dir(mode));
        return this;
    }

    /** A file copied from {@code source} (its content; a symbolic link is followed), 0755 when executable. */
    LayerTar file(String path, Path source) {
        String normal = strip(path);
        parents(normal);
        entries.put(normal, new FileFrom(source, Files.isExecutable(source) ? 0755 : 0644));
        return this;
    }

    LayerTar text(String path, String content) {
        String normal = strip(path);
        parents(normal);
        entries.put(normal, new Bytes(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644));
        return this;
    }

    /** Every regular file under {@code source}, placed under {@code path}, keeping which ones are executable. */
    LayerTar tree(String path, Path source) throws IOException {
        directory(path, 0755);
        try (var walk = Files.walk(source)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                String relative = source.relativize(file).toString();
                if (relative.isEmpty()) {
                    continue;
                }
                String target = strip(path) + "/" + relative;
                if (Files.isDirectory(file)) {
                    directory(target, 0755);
                } else {
                    file(target, file);
                }
            }
        }
        return this;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void writeTo(OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, Entry> each : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(each.getKey());
                entry.setModTime(MTIME_MILLIS);
                entry.setIds(0, 0);
                entry.setNames("root", "root");
                switch (each.getValue()) {
                    case Dir dir -> {
                        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | dir.mode());
                        tar.putArchiveEntry(entry);
                    }
                    case FileFrom file -> {
                        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | file.mode());
                        entry.setSize(Files.size(file.source()));
                        tar.putArchiveEntry(entry);
                        Files.copy(file.source(), tar);
                    }
                    case Bytes bytes -> {
                        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | bytes.mode());
                        entry.setSize(bytes.content().length);
                        tar.putArchiveEntry(entry);
                        tar.write(bytes.content());
                    }
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private void parents(String normal) {
        int slash = normal.lastIndexOf('/');
        while (slash > 0) {
            String parent = normal.substring(0, slash);
            entries.putIfAbsent(parent + "/", new Dir(0755));
            slash = parent.lastIndexOf('/');
        }
    }

    private static String strip(String path) {
        String normal = path;
        while (normal.startsWith("/")) {
            normal = normal.substring(1);
        }
        while (normal.endsWith("/")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return normal;
    }
}
