package io.portage.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Debian package the build makes ({@code target/portage-edge-agent_*_amd64.deb}): its control fields, files,
 * owners and modes, conffiles and maintainer scripts, and the agent started from an unpacked copy with the systemd
 * unit's own command line and its bundled runtime, ready and storing an event.
 */
class DebianPackageIT {

    private static Path deb;
    private static final Map<String, byte[]> control = new TreeMap<>();
    private static final Map<String, TarArchiveEntry> files = new TreeMap<>();
    private static final Map<String, byte[]> contents = new TreeMap<>();

    @BeforeAll
    static void read() throws Exception {
        try (var found = Files.list(Path.of("target"))) {
            deb = found.filter(p -> p.getFileName().toString().matches("portage-edge-agent_.*_amd64\\.deb"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no portage-edge-agent_*_amd64.deb in target/ (built at package)"));
        }
        try (ArArchiveInputStream ar = new ArArchiveInputStream(Files.newInputStream(deb))) {
            List<String> members = new ArrayList<>();
            for (ArArchiveEntry member; (member = ar.getNextEntry()) != null;) {
                members.add(member.getName());
                byte[] bytes = ar.readAllBytes();
                if (member.getName().startsWith("control.tar")) {
                    untar(bytes, (entry, content) -> control.put(entry.getName().replaceFirst("^\\./", ""), content));
                } else if (member.getName().startsWith("data.tar")) {
                    untar(bytes, (entry, content) -> {
                        String name = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                        files.put(name, entry);
                        contents.put(name, content);
                    });
                }
            }
            assertThat(members).as("ar members").hasSize(3).first().isEqualTo("debian-binary");
        }
    }

    @Test
    void controlFieldsNameThePackageItsArchitectureAndWhatItNeeds() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text(control.get("control")).split("\n")) {
            if (!line.startsWith(" ") && line.contains(":")) {
                fields.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip());
            }
        }
        assertThat(fields).containsEntry("Package", "portage-edge-agent")
                .containsEntry("Architecture", "amd64")
                .containsKeys("Maintainer", "Description", "Section", "Priority");
        assertThat(fields.get("Version")).matches("\\d+\\.\\d+\\.\\d+(~SNAPSHOT)?");
        assertThat(fields.get("Depends")).contains("libc6", "passwd");
        assertThat(text(control.get("conffiles")).lines().toList())
                .containsExactlyInAnyOrder("/etc/portage-edge/edge-agent.env", "/etc/portage-edge/credentials.env");
    }

    @Test
    void filesAreRootsWithTheModesTheyNeedAndTheStoreIsNotShipped() {
        assertThat(files.values()).allSatisfy(entry -> {
            assertThat(entry.getUserName()).as(entry.getName()).isEqualTo("root");
            assertThat(entry.getGroupName()).as(entry.getName()).isEqualTo("root");
        });
        assertThat(mode("/usr/lib/portage-edge/java/bin/java")).isEqualTo(0755);
        assertThat(mode("/usr/lib/portage-edge/java/lib/server/libjvm.so")).isEqualTo(0644);
        assertThat(mode("/usr/lib/portage-edge/app/quarkus-run.jar")).isEqualTo(0644);
        assertThat(mode("/lib/systemd/system/portage-edge-agent.service")).isEqualTo(0644);
        assertThat(mode("/etc/portage-edge/edge-agent.env")).isEqualTo(0644);
        assertThat(mode("/etc/portage-edge/credentials.env")).isEqualTo(0600);
        assertThat(mode("/usr/bin/portage-edge-keys")).isEqualTo(0755);
        assertThat(files).containsKey("/usr/share/doc/portage-edge-agent/README.md");
        // dpkg never replaces or removes what it did not ship: the store and the keys stay the admin's.
        assertThat(files.keySet()).noneMatch(name -> name.startsWith("/var/"))
                .doesNotContain(
                        "/etc/portage-edge/edge-agent.keys");
        assertThat(text(contents.get("/etc/portage-edge/credentials.env"))).contains("PORTAGE_EDGE_CLIENT_SECRET=\n");
    }

    @Test
    void maintainerScriptsCreateTheUserAndKeepTheStoreOnUpgrade() throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(control).containsKey(script);
            Path file = Files.createTempFile(Path.of("target"), script, ".sh");
            Files.write(file, control.get(script));
            Process check = new ProcessBuilder("sh", "-n", file.toString()).redirectErrorStream(true).start();
            assertThat(check.waitFor()).as(script + " is valid sh: " + new String(check.getInputStream().readAllBytes()))
                    .isZero();
            Files.delete(file);
        }
        String postinst = text(control.get("postinst"));
        assertThat(postinst).contains("useradd --system --gid portage-edge --home-dir /var/lib/portage-edge")
                .contains("install -d -o portage-edge -g portage-edge -m 0750 /var/lib/portage-edge")
                .contains("if [ ! -e /etc/portage-edge/edge-agent.keys ]")
                .contains("chmod 0600 /etc/portage-edge/credentials.env")
                .contains("systemctl try-restart portage-edge-agent.service")
                .doesNotContain("rm ");
        assertThat(text(control.get("prerm"))).doesNotContain("rm ").contains("if [ \"$1\" = \"remove\" ]");
        String postrm = text(control.get("postrm"));
        String purge = postrm.substring(postrm.indexOf("purge)"), postrm.indexOf(";;"));
        assertThat(purge).contains("rm -rf /var/lib/portage-edge");
        assertThat(postrm.replace(purge, "")).doesNotContain("rm ");
    }

    @Test
    void theAgentRunsFromAnUnpackedCopyWithTheUnitsCommandLine() throws Exception {
        Path root = Path.of("target", "deb-root").toAbsolutePath();
        deleteTree(root);
        for (Map.Entry<String, TarArchiveEntry> each : files.entrySet()) {
            Path target = root.resolve(each.getKey().substring(1));
            if (each.getValue().isDirectory()) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, contents.get(each.getKey()));
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                        (each.getValue().getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        String unit = Files.readString(root.resolve("lib/systemd/system/portage-edge-agent.service"));
        List<String> command = new ArrayList<>();
        for (String word : unit.replace("\\\n", " ")
                .lines()
                .filter(l -> l.startsWith("ExecStart="))
                .findFirst()
                .orElseThrow()
                .substring("ExecStart=".length())
                .split("\\s+")) {
            command.add(word.replace("/usr/lib/portage-edge", root + "/usr/lib/portage-edge"));
        }
        assertThat(command.getFirst()).isEqualTo(root + "/usr/lib/portage-edge/java/bin/java");
        assertThat(command).contains("-Xmx64m", "-jar", root + "/usr/lib/portage-edge/app/quarkus-run.jar");

        Path state = root.resolve("var/lib/portage-edge");
        Files.createDirectories(state);
        Path keys = root.resolve("etc/portage-edge/edge-agent.keys");
        String key = run(List.of(command.getFirst(), "-jar", command.getLast(), "keys", "create", "it-scanner", "--file",
                keys.toString())).strip();
        assertThat(key).startsWith("pek_");

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(state.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "deb-agent.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("PORTAGE_EDGE_AUTH_KEYS_FILE", keys.toString());
        env.put("PORTAGE_EDGE_STORE_PATH", state.resolve("edge-events.db").toString());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("PORTAGE_EDGE_CLIENT_SECRET", "it-deb-secret");
        env.put("PORTAGE_EDGE_FORWARD_URL", "http://127.0.0.1:9/api/v1/edge/events");
        long started = System.nanoTime();
        Process agent = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            int status = 0;
            while (status != 200 && System.nanoTime() - started < Duration.ofSeconds(60).toNanos() && agent.isAlive()) {
                try {
                    status = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as("readiness; log:\n" + Files.readString(Path.of("target", "deb-agent.log")))
                    .isEqualTo(200);
            System.out.printf("DebianPackageIT: the unpacked agent was ready in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/events"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type",
                            "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"type":"scan.pick.confirmed","key":"ORDER-1","occurredAt":"2026-12-05T10:00:00Z",
                             "payload":{"sku":"SKU-1","quantity":2}}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
            assertThat(state.resolve("edge-events.db")).exists();
        } finally {
            agent.destroy();
            if (!agent.waitFor(30, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
    }

    private static int mode(String path) {
        assertThat(files).containsKey(path);
        return files.get(path).getMode() & 07777;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + text(err)).isZero();
        return text(out);
    }

    private interface EntryConsumer {

        void accept(TarArchiveEntry entry, byte[] content) throws IOException;
    }

    private static void untar(byte[] compressed, EntryConsumer consumer) throws Exception {
        try (InputStream raw = new CompressorStreamFactory()
                .createCompressorInputStream(new java.io.BufferedInputStream(new ByteArrayInputStream(compressed)));
                TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                consumer.accept(entry, entry.isDirectory() ? new byte[0] : tar.readAllBytes());
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

}
