package io.portage.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * An OCI image layout folder (image-spec 1.1: {@code oci-layout}, {@code index.json}, {@code blobs/sha256/}) holding
 * several images that share their blobs, each named in the index by
 * {@code org.opencontainers.image.ref.name}: {@code podman pull oci:<folder>:<name>} and
 * {@code skopeo copy oci:<folder>:<name> docker://...} read it.
 */
final class OciLayout {

    static final String LAYER = "application/vnd.oci.image.layer.v1.tar";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);

    /** A blob in the layout. */
    record Blob(String digest, long size) {

        Map<String, Object> descriptor(String mediaType) {
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("mediaType", mediaType);
            descriptor.put("digest", "sha256:" + digest);
            descriptor.put("size", size);
            return descriptor;
        }
    }

    private final Path root;
    private final List<Map<String, Object>> manifests = new ArrayList<>();

    OciLayout(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("blobs/sha256"));
    }

    Path root() {
        return root;
    }

    /** A layer from a finished tar: linked (or copied) into the blobs under its digest. */
    Blob addFile(Path tar) throws IOException {
        String digest = Digests.sha256Of(tar);
        Path blob = blob(digest);
        if (!Files.exists(blob)) {
            try {
                Files.createLink(blob, tar);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(tar, blob, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new Blob(digest, Files.size(blob));
    }

    /** A layer written from {@code tar} into the blobs. */
    Blob addLayer(LayerTar tar) throws IOException {
        Path partial = Files.createTempFile(root, "layer-", ".tar");
        try {
            try (var out = Files.newOutputStream(partial)) {
                tar.writeTo(out);
            }
            String digest = Digests.sha256Of(partial);
            Path blob = blob(digest);
            if (!Files.exists(blob)) {
                Files.move(partial, blob);
            }
            return new Blob(digest, Files.size(blob));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    Blob addJson(Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        String digest = Digests.sha256Of(bytes);
        Path blob = blob(digest);
        if (!Files.exists(blob)) {
            Files.write(blob, bytes);
        }
        return new Blob(digest, bytes.length);
    }

    /** An image of {@code layers} (uncompressed, so each layer's digest is also its diff id) and its config. */
    Blob addImage(String name, List<Blob> layers, Map<String, Object> containerConfig, Map<String, String> labels)
            throws IOException {
        Map<String, Object> runConfig = new LinkedHashMap<>(containerConfig);
        runConfig.put("Labels", labels);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.put("config", runConfig);
        config.put("rootfs", Map.of("type", "layers", "diff_ids",
                layers.stream().map(layer -> "sha256:" + layer.digest()).toList()));
        Blob configBlob = addJson(config);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST);
        manifest.put("config", configBlob.descriptor(CONFIG));
        manifest.put("layers", layers.stream().map(layer -> layer.descriptor(LAYER)).toList());
        manifest.put("annotations", labels);
        Blob manifestBlob = addJson(manifest);
        Map<String, Object> entry = manifestBlob.descriptor(MANIFEST);
        entry.put("annotations", Map.of(REF_NAME, name));
        manifests.removeIf(m -> name.equals(((Map<?, ?>) m.get("annotations")).get(REF_NAME)));
        manifests.add(entry);
        return manifestBlob;
    }

    /** Writes {@code oci-layout} and {@code index.json}; call once every image is added. */
    void finish() throws IOException {
        Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", StandardCharsets.UTF_8);
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.put("manifests", manifests);
        Files.write(root.resolve("index.json"), JSON.writeValueAsBytes(index));
    }

    private Path blob(String digest) {
        return root.resolve("blobs/sha256").resolve(digest);
    }
}
