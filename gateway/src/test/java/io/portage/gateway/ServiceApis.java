package io.portage.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' APIs as their builds publish them: the OpenAPI snapshots each service's {@code OpenApiSnapshotTest}
 * holds its served document against ({@code <service>/src/test/resources/openapi/<service>.json}), and the gateway's
 * downstreams as its {@code application.properties} declares them.
 */
final class ServiceApis {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    /** One operation of a service's API, found for a call the gateway makes. */
    record Operation(String service, String method, String path, JsonNode node, JsonNode document) {

        /** The operation's parameters (path, query, header), its path's own included. */
        List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            document.path("paths").path(path).path("parameters").forEach(parameters::add);
            node.path("parameters").forEach(parameters::add);
            return parameters;
        }

        boolean declares(String in, String name) {
            return parameters().stream()
                    .anyMatch(p -> in.equals(p.path("in").asText()) && name.equalsIgnoreCase(p.path("name").asText()));
        }

        /** A schema with its {@code $ref} followed. */
        JsonNode resolve(JsonNode schema) {
            String ref = schema.path("$ref").asText("");
            return ref.startsWith("#/components/schemas/")
                    ? resolve(document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())))
                    : schema;
        }
    }

    private ServiceApis() {
    }

    /** The downstreams the gateway declares: name to {@code routes} and {@code ops}, from its application.properties. */
    static Map<String, Properties> downstreams() {
        Properties all = new Properties();
        try (var in = Files.newBufferedReader(CHECKOUT.resolve("gateway/src/main/resources/application.properties"))) {
            all.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Properties> downstreams = new LinkedHashMap<>();
        String prefix = "portage.gateway.downstreams.";
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                String name = rest.substring(0, rest.indexOf('.'));
                downstreams.computeIfAbsent(name, n -> new Properties())
                        .setProperty(rest.substring(name.length() + 1), all.getProperty(key));
            }
        }
        return downstreams;
    }

    static JsonNode document(String service) {
        return DOCUMENTS.computeIfAbsent(service, name -> {
            Path snapshot = CHECKOUT.resolve(name + "/src/test/resources/openapi/" + name + ".json");
            try {
                return JSON.readTree(snapshot.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("No OpenAPI snapshot of " + name + " at " + snapshot, e);
            }
        });
    }

    /**
     * The operation of {@code service} a call with this method and path reaches: a path segment in braces is a
     * parameter and matches only a parameter; a literal matches itself or, less closely, a parameter.
     */
    static Optional<Operation> operation(String service, String method, String path) {
        JsonNode document = document(service);
        String[] wanted = segments(path);
        Operation best = null;
        int bestScore = -1;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            JsonNode node = entry.getValue().path(method.toLowerCase());
            String[] offered = segments(entry.getKey());
            int score = node.isMissingNode() ? -1 : score(wanted, offered);
            if (score > bestScore) {
                best = new Operation(service, method, entry.getKey(), node, document);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int score(String[] wanted, String[] offered) {
        if (wanted.length != offered.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < wanted.length; i++) {
            boolean parameter = offered[i].startsWith("{");
            if (wanted[i].startsWith("{") && !parameter) {
                return -1;
            }
            if (!parameter) {
                if (!offered[i].equals(wanted[i])) {
                    return -1;
                }
                literals++;
            }
        }
        return literals;
    }

    private static String[] segments(String path) {
        return path.replaceAll("^/+|/+$", "").split("/");
    }
}
