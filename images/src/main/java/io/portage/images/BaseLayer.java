package io.portage.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The base layer every image starts from, made here instead of pulled: a {@code jlink}ed Java runtime in
 * {@code /opt/java}, the C libraries it links against (copied from the build machine), the user 185 and a
 * {@code /tmp}; kept in a cache under a key made of everything it is made from, so it is built once per JDK and C
 * library and reused by every later build.
 */
final class BaseLayer {

    /** Raised when the layer's layout changes, so a cached layer of an older layout is not reused. */
    private static final int FORMAT = 1;

    /** The runtime's modules: Java SE plus what Netty, Micrometer and the JDBC/crypto stack reach outside it. */
    static final List<String> MODULES = List.of("java.se", "jdk.unsupported", "jdk.management", "jdk.crypto.ec",
            "jdk.naming.dns", "jdk.zipfs", "jdk.charsets", "jdk.net");

    private static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-man-pages", "--no-header-files",
            "--compress=zip-6");

    static final String JAVA_HOME = "/opt/java";
    static final int USER = 185;

    private final Path jdk;
    private final Path cache;

    BaseLayer(Path jdk, Path cache) {
        this.jdk = jdk;
        this.cache = cache;
    }

    /** The cached layer tar for this JDK and these libraries, made first when it is not there. */
    Path resolve() throws IOException {
        List<Path> libraries = libraries();
        String key = key(libraries);
        Path layer = cache.resolve("base-" + key + ".tar");
        if (Files.isRegularFile(layer)) {
            return layer;
        }
        Files.createDirectories(cache);
        Path work = Files.createTempDirectory(cache, "base-");
        try {
            Path runtime = work.resolve("runtime");
            jlink(runtime);
            LayerTar tar = new LayerTar().tree(JAVA_HOME, runtime);
            for (Path library : libraries) {
                tar.file(library.toString(), library.toRealPath());
            }
            tar.text("/etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\nportage:x:" + USER + ":" + USER
                    + ":Portage:/deployments:/sbin/nologin\n")
                    .text("/etc/group", "root:x:0:\nportage:x:" + USER + ":\n")
                    .text("/etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n")
                    .directory("/tmp", 01777)
                    .directory("/deployments", 0755);
            Path partial = work.resolve("layer.tar");
            try (var out = Files.newOutputStream(partial)) {
                tar.writeTo(out);
            }
            Files.move(partial, layer, StandardCopyOption.ATOMIC_MOVE);
            return layer;
        } finally {
            deleteTree(work);
        }
    }

    /** The key: the JDK's release file and place, the modules and options, and each library's path and content. */
    String key(List<Path> libraries) throws IOException {
        MessageDigest sha = Digests.sha256();
        sha.update(("format " + FORMAT + "\n" + jdk + "\n" + MODULES + "\n" + JLINK_OPTIONS + "\n")
                .getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(jdk.resolve("release")));
        for (Path library : libraries) {
            sha.update(library.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Digests.sha256Of(library.toRealPath()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    /** The system libraries the JDK's launcher and native libraries load, as {@code ldd} resolves them here. */
    List<Path> libraries() throws IOException {
        List<String> command = new ArrayList<>(List.of("ldd", jdk.resolve("bin/java").toString()));
        try (Stream<Path> natives = Files.walk(jdk.resolve("lib"))) {
            natives.filter(p -> p.getFileName().toString().endsWith(".so"))
                    .sorted()
                    .map(Path::toString)
                    .forEach(command::add);
        }
        String output = Command.run(command, java.util.Map.of());
        TreeSet<Path> found = new TreeSet<>();
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            String path = null;
            int arrow = trimmed.indexOf("=> ");
            if (arrow >= 0) {
                path = trimmed.substring(arrow + 3);
            } else if (trimmed.startsWith("/") && !trimmed.endsWith(":")) {
                path = trimmed;
            }
            if (path == null || path.startsWith("not found")) {
                continue;
            }
            int address = path.indexOf(" (0x");
            Path library = Path.of(address >= 0 ? path.substring(0, address) : path).normalize();
            if (!library.startsWith(jdk) && Files.isRegularFile(library)) {
                found.add(library);
            }
        }
        if (found.stream().noneMatch(p -> p.getFileName().toString().startsWith("libc.so"))) {
            throw new IllegalStateException("ldd found no C library for " + jdk + ":\n" + output);
        }
        return List.copyOf(found);
    }

    private void jlink(Path output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("jlink is missing: build with a JDK, not a JRE"));
        List<String> args = new ArrayList<>(List.of("--module-path", jdk.resolve("jmods").toString(), "--add-modules",
                String.join(",", MODULES), "--output", output.toString()));
        if (!Files.isDirectory(jdk.resolve("jmods"))) {
            args.subList(0, 2).clear();
        }
        args.addAll(JLINK_OPTIONS);
        var out = new java.io.StringWriter();
        var writer = new java.io.PrintWriter(out);
        int status = jlink.run(writer, writer, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("jlink " + args + " failed (" + status + "):\n" + out);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
