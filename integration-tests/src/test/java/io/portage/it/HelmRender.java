package io.portage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.portage.stack.PortageHome;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Renders helm/portage offline (helm-java's embedded Helm 3) and reads every object strictly into its typed model, for
 * the Helm*Test classes: an unknown kind or a field the type does not define fails the test.
 */
final class HelmRender {

    static final Path CHECKOUT = PortageHome.locate().checkout();
    static final Path CHART = CHECKOUT.resolve("helm/portage");
    /** A Kubernetes version the chart supports (Chart.yaml: kubeVersion >= 1.27). */
    static final String KUBE_VERSION = "v1.31.0";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * The kinds the chart may render, by apiVersion and kind. CloudNativePG's objects have no model on the build's
     * classpath: they are read generically and their test checks their fields one by one.
     */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class), Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("v1/Service", Service.class), Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Pod", Pod.class), Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", GenericKubernetesResource.class),
            Map.entry("postgresql.cnpg.io/v1/Database", GenericKubernetesResource.class));

    private HelmRender() {
    }

    static TemplateCommand template(Path chart) {
        return new Helm(chart).template().withName("portage").withNamespace("logistics").withKubeVersion(KUBE_VERSION);
    }

    static List<HasMetadata> render(UnaryOperator<TemplateCommand> values) {
        return read(values.apply(template(CHART)).call());
    }

    static List<HasMetadata> render(Path valuesFile) {
        return render(template -> template.withValuesFile(valuesFile));
    }

    /** The chart's {@code helm test} pods as well: Helm leaves hooks out of a template, so a copy carries them as manifests. */
    static List<HasMetadata> renderWithTestPods(UnaryOperator<TemplateCommand> values) throws IOException {
        Path copy = Files.createTempDirectory(CHECKOUT.resolve("integration-tests/target"), "chart-");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.getParent().endsWith("templates/tests")) {
                    Files.writeString(target, Files.readString(file).replaceAll("(?m)^\\s*helm\\.sh/hook.*\\n", ""));
                } else {
                    Files.copy(file, target);
                }
            }
        }
        try {
            return read(values.apply(template(copy)).call());
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** What {@code helm install} prints after installing (its NOTES.txt), from a client-only dry run. */
    static String notes(UnaryOperator<InstallCommand> values) {
        String output = values.apply(new Helm(CHART).install()
                .withName("portage")
                .withNamespace("logistics")
                .withKubeVersion(KUBE_VERSION)
                .clientOnly()
                .dryRun()).call().getOutput();
        assertThat(output).contains("NOTES:");
        return output.substring(output.indexOf("NOTES:"));
    }

    static List<Path> ciValues() {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<HasMetadata> read(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        try {
            for (JsonNode document : YAML.readValues(YAML.createParser(rendered), JsonNode.class).readAll()) {
                if (document == null || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                assertThat(type).as("a kind the chart should not render: %s", kind).isNotNull();
                HasMetadata object = YAML.treeToValue(document, type);
                if (type != GenericKubernetesResource.class) {
                    assertThat(unknownFields(object, kind + " " + object.getMetadata().getName())).isEmpty();
                }
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** Fields a typed model did not know (its additionalProperties), anywhere in the object: typos, misplaced keys. */
    static List<String> unknownFields(Object value, String path) {
        List<String> found = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                found.addAll(unknownFields(item, path + "[" + i++ + "]"));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> found.addAll(unknownFields(child, path + "." + key)));
        } else if (value != null && (value.getClass().getName().startsWith("io.fabric8.")
                || value.getClass().getName().startsWith("io.strimzi.api.")) && !(value instanceof GenericKubernetesResource)) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                        || getter.getDeclaringClass() == Object.class || getter.getName().equals("getClass")) {
                    continue;
                }
                Object child;
                try {
                    child = getter.invoke(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(getter.toString(), e);
                }
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        found.add(path + ": " + extra.keySet());
                    }
                } else {
                    String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                    found.addAll(unknownFields(child, path + "." + name));
                }
            }
        }
        return found;
    }

    static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<GenericKubernetesResource> of(List<HasMetadata> objects, String kind) {
        return of(objects, GenericKubernetesResource.class).stream().filter(object -> object.getKind().equals(kind)).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return of(objects, type).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
