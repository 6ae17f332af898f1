package io.portage.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The image builder without a container engine: reproducible layers, the layout's index, the image's config. */
class ImageBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aLayerIsTheSameBytesWhateverTheFilesTimesAndIsRootsWithFixedModes() throws IOException {
        Path app = fakeApp(dir.resolve("checkout"));
        OciLayout layout = new OciLayout(dir.resolve("oci"));
        OciLayout.Blob first = layout.addLayer(new LayerTar().tree("/deployments/lib", app.resolve("lib")));
        Files.setLastModifiedTime(app.resolve("lib/main/a.jar"), FileTime.fromMillis(0));
        OciLayout.Blob second = layout.addLayer(new LayerTar().tree("/deployments/lib", app.resolve("lib")));
        assertThat(second).isEqualTo(first);

        List<TarArchiveEntry> entries = entries(dir.resolve("oci/blobs/sha256").resolve(first.digest()));
        assertThat(entries).extracting(TarArchiveEntry::getName)
                .containsExactly("deployments/", "deployments/lib/",
                        "deployments/lib/main/", "deployments/lib/main/a.jar", "deployments/lib/main/run.sh");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.getLongUserId()).isZero();
            assertThat(entry.getModTime().getTime()).isEqualTo(LayerTar.MTIME_MILLIS);
        });
        assertThat(entries.get(3).getMode() & 07777).isEqualTo(0644);
        assertThat(entries.get(4).getMode() & 07777).isEqualTo(0755);
        assertThat(entries(layerOf(new LayerTar().directory("/tmp", 01777))).getFirst().getMode() & 07777)
                .isEqualTo(01777);
    }

    @Test
    void anImageIsNamedInTheIndexAndRunsAsUser185WithItsJvmOptions() throws IOException {
        Path checkout = dir.resolve("checkout");
        fakeApp(checkout);
        Path base = layerOf(new LayerTar().text("/etc/passwd", "root:x:0:0::/:/sbin/nologin\n"));
        OciLayout layout = new OciLayout(dir.resolve("oci"));
        ImageBuild build = new ImageBuild(checkout, layout, base, "registry.example.com/portage", "1.2.3");
        build.build(new ImageBuild.Spec("order-service", "-XX:+UseSerialGC -Xmx64m", Map.of("MALLOC_ARENA_MAX", "2")));
        layout.finish();

        JsonNode index = JSON.readTree(dir.resolve("oci/index.json").toFile());
        assertThat(index.path("manifests")).hasSize(1);
        JsonNode entry = index.path("manifests").get(0);
        assertThat(entry.path("annotations").path(OciLayout.REF_NAME).asText())
                .isEqualTo("registry.example.com/portage/order-service:1.2.3");
        JsonNode manifest = JSON.readTree(blob(entry.path("digest").asText()).toFile());
        assertThat(manifest.path("layers")).hasSize(3);
        assertThat(manifest.path("layers").get(0).path("digest").asText()).isEqualTo("sha256:" + Digests.sha256Of(base));
        JsonNode config = JSON.readTree(blob(manifest.path("config").path("digest").asText()).toFile());
        assertThat(config.path("config").path("User").asText()).isEqualTo("185:185");
        assertThat(config.path("config").path("Entrypoint").toString())
                .isEqualTo("[\"java\",\"-jar\",\"/deployments/quarkus-run.jar\"]");
        assertThat(config.path("config").path("Env").toString()).contains("JDK_JAVA_OPTIONS=-XX:+UseSerialGC -Xmx64m",
                "MALLOC_ARENA_MAX=2", "PATH=/opt/java/bin:");
        List<String> diffIds = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(id -> diffIds.add(id.asText()));
        List<String> layers = new ArrayList<>();
        manifest.path("layers").forEach(layer -> layers.add(layer.path("digest").asText()));
        assertThat(diffIds).isEqualTo(layers);
        assertThat(entries(blob(layers.get(2)))).extracting(TarArchiveEntry::getName)
                .contains("deployments/quarkus-run.jar", "deployments/app/app.jar")
                .noneMatch(name -> name.startsWith("deployments/lib"));
    }

    @Test
    void everyServiceIsBuiltAndTheEdgeAgentRunsWithItsSystemdUnitsOptions() throws IOException {
        List<ImageBuild.Spec> specs = ImageBuild.specs();
        assertThat(specs).extracting(ImageBuild.Spec::service)
                .containsExactly("order-service", "yard-service",
                        "shipment-service", "finance-service", "edi-gateway", "gateway", "console", "edge-agent");
        assertThat(specs.subList(0, 7)).allSatisfy(spec -> assertThat(spec.jvmOptions()).startsWith(
                "-XX:+UseSerialGC -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"));
        String unit = Files.readString(Path.of("..", "edge-agent", "src", "main", "systemd", "portage-edge-agent.service"))
                .replace("\\\n", " ");
        String execStart = unit.lines().filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow();
        String unitOptions = execStart.substring(execStart.indexOf(' ') + 1, execStart.indexOf(" -jar "))
                .replaceAll(
                        "\\s+", " ");
        ImageBuild.Spec edge = specs.getLast();
        assertThat(edge.jvmOptions()).startsWith(unitOptions);
        assertThat(edge.env()).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    private Path fakeApp(Path checkout) throws IOException {
        Path app = checkout.resolve("order-service/target/quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        Files.createDirectories(app.resolve("app"));
        Files.writeString(app.resolve("lib/main/a.jar"), "a");
        Files.writeString(app.resolve("lib/main/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(app.resolve("lib/main/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(app.resolve("app/app.jar"), "app");
        Files.writeString(app.resolve("quarkus-run.jar"), "run");
        return app;
    }

    private Path layerOf(LayerTar tar) throws IOException {
        Path file = Files.createTempFile(dir, "layer", ".tar");
        try (var out = Files.newOutputStream(file)) {
            tar.writeTo(out);
        }
        return file;
    }

    private Path blob(String digest) {
        return dir.resolve("oci/blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private static List<TarArchiveEntry> entries(Path tar) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream stream = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = stream.getNextEntry()) != null;) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
