package io.portage.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds every service's container image from its {@code target/quarkus-app} into one OCI layout, without a
 * container engine: the cached {@link BaseLayer}, then the service's dependencies, then its own code (the layer that
 * changes most, last), run as user 185 with the JVM options of its deployment ({@code images.properties}).
 */
public final class ImageBuild {

    /** Where the application sits in the image, as in the usual OpenJDK runtime images. */
    static final String DEPLOYMENTS = "/deployments";

    /** One image to build. */
    record Spec(String service, String jvmOptions, Map<String, String> env) {
    }

    private final Path checkout;
    private final OciLayout layout;
    private final OciLayout.Blob base;
    private final String baseName;
    private final String registryGroup;
    private final String version;

    ImageBuild(Path checkout, OciLayout layout, Path base, String registryGroup, String version) throws IOException {
        this.checkout = checkout;
        this.layout = layout;
        this.base = layout.addFile(base);
        this.baseName = "portage-java-base:" + base.getFileName().toString().replaceAll("^base-|\\.tar$", "");
        this.registryGroup = registryGroup;
        this.version = version;
    }

    /** {@code <checkout> <output layout> <cache> <registry/group> <version>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: ImageBuild <checkout> <layout> <cache> <registry/group> <version>");
        }
        long started = System.nanoTime();
        Path checkout = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        BaseLayer.deleteTree(output);
        Path base = new BaseLayer(Path.of(System.getProperty("java.home")), Path.of(args[2])).resolve();
        long baseDone = System.nanoTime();
        ImageBuild build = new ImageBuild(checkout, new OciLayout(output), base, args[3], args[4]);
        List<String> summary = new ArrayList<>();
        for (Spec spec : specs()) {
            summary.add(build.build(spec));
        }
        build.layout.finish();
        summary.forEach(System.out::println);
        System.out.printf("images: base layer %s (%d MB) in %.1f s, %d images in %.1f s%n", base.getFileName(),
                Files.size(base) >> 20, (baseDone - started) / 1e9, summary.size(), (System.nanoTime() - baseDone) / 1e9);
    }

    /** The images named in {@code images.properties}, in its order. */
    static List<Spec> specs() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ImageBuild.class.getResourceAsStream("/images.properties")) {
            properties.load(in);
        }
        List<Spec> specs = new ArrayList<>();
        for (String service : properties.getProperty("images").split(",")) {
            String options = expand(properties, properties.getProperty(service + ".jvm-options", ""));
            Map<String, String> env = new LinkedHashMap<>();
            for (String pair : properties.getProperty(service + ".env", "").split(";")) {
                if (!pair.isBlank()) {
                    env.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
                }
            }
            specs.add(new Spec(service.strip(), options.replaceAll("\\s+", " ").strip(), env));
        }
        return specs;
    }

    private static String expand(Properties properties, String value) {
        Matcher reference = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        return reference.replaceAll(match -> Matcher.quoteReplacement(properties.getProperty(match.group(1), "")));
    }

    /** The image's name: {@code <registry>/<group>/<service>:<version>}, as the chart and k8s/ reference it. */
    String name(String service) {
        return registryGroup + "/" + service + ":" + version;
    }

    String build(Spec spec) throws IOException {
        Path app = checkout.resolve(spec.service()).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(spec.service() + " is not packaged: " + app.resolve("quarkus-run.jar")
                    + " is missing (the images module builds after the services)");
        }
        OciLayout.Blob dependencies = layout.addLayer(new LayerTar().tree(DEPLOYMENTS + "/lib", app.resolve("lib")));
        LayerTar own = new LayerTar();
        try (var entries = Files.list(app)) {
            for (Path entry : entries.sorted().toList()) {
                String target = DEPLOYMENTS + "/" + entry.getFileName();
                if (entry.getFileName().toString().equals("lib")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    own.tree(target, entry);
                } else {
                    own.file(target, entry);
                }
            }
        }
        OciLayout.Blob code = layout.addLayer(own);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("User", BaseLayer.USER + ":" + BaseLayer.USER);
        List<String> env = new ArrayList<>(List.of("PATH=" + BaseLayer.JAVA_HOME + "/bin:/usr/bin:/bin",
                "JAVA_HOME=" + BaseLayer.JAVA_HOME, "LANG=C.UTF-8", "JDK_JAVA_OPTIONS=" + spec.jvmOptions()));
        spec.env().forEach((key, value) -> env.add(key + "=" + value));
        config.put("Env", env);
        config.put("Entrypoint", List.of("java", "-jar", DEPLOYMENTS + "/quarkus-run.jar"));
        config.put("WorkingDir", DEPLOYMENTS);
        config.put("ExposedPorts", Map.of("8080/tcp", Map.of()));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", spec.service());
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.base.name", baseName);
        labels.put("org.opencontainers.image.vendor", "Portage");
        OciLayout.Blob manifest = layout.addImage(name(spec.service()), List.of(base, dependencies, code), config,
                labels);
        return String.format("%-55s sha256:%s  layers %d + %d + %d MB", name(spec.service()),
                manifest.digest().substring(0, 12), base.size() >> 20, dependencies.size() >> 20, code.size() >> 20);
    }

}
