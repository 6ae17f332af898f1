package io.portage.it;

import static io.portage.it.HelmRender.CHART;
import static io.portage.it.HelmRender.named;
import static io.portage.it.HelmRender.of;
import static io.portage.it.HelmRender.render;
import static io.portage.it.HelmRender.renderWithTestPods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The chart as a release: every ci/*-values.yaml variant renders strictly, the names follow nameOverride,
 * fullnameOverride and namespaceOverride, the {@code helm test} pods call what the release runs, and NOTES.txt prints
 * the names the release really has.
 */
class HelmReleaseTest {

    static List<Path> ciValues() {
        List<Path> files = HelmRender.ciValues();
        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("minimal-values.yaml", "production-values.yaml", "all-values.yaml");
        return files;
    }

    @ParameterizedTest
    @MethodSource("ciValues")
    void eachCiVariantRendersOnlyFieldsItsKindsDefine(Path values) {
        // HelmRender reads every object into its typed model and fails on an unknown kind or field.
        List<HasMetadata> objects = render(values);

        assertThat(of(objects, Deployment.class)).isNotEmpty();
        for (HasMetadata object : objects) {
            assertThat(object.getMetadata().getNamespace()).as("namespace of %s", object.getMetadata().getName())
                    .isNotBlank();
            assertThat(object.getMetadata().getLabels()).as("labels of %s", object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "portage")
                    .containsEntry("app.kubernetes.io/instance", "portage")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsKey("helm.sh/chart");
            assertThat(object.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
        }
    }

    @Test
    void theCiVariantsRenderWhatTheySayTheyDo() {
        Path ci = CHART.resolve("ci");
        List<HasMetadata> minimal = render(ci.resolve("minimal-values.yaml"));
        assertThat(of(minimal, Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(minimal).noneMatch(object -> object.getKind().equals("PodDisruptionBudget")
                || object.getKind().equals("Ingress") || object.getKind().equals("StatefulSet"));

        List<HasMetadata> production = render(ci.resolve("production-values.yaml"));
        List<String> credentials = new ArrayList<>();
        for (Deployment deployment : of(production, Deployment.class)) {
            for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (variable.getName().endsWith("PASSWORD") || variable.getName().endsWith("API_KEY")
                        || variable.getName().endsWith("WEBHOOK_TOKEN") || variable.getName().endsWith("CLIENT_SECRET")
                        || variable.getName().endsWith(".webhook-secret")) {
                    assertThat(variable.getValue()).as(variable.getName()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).endsWith("-from-vault");
                    credentials.add(variable.getName());
                }
            }
        }
        assertThat(credentials).contains("QUARKUS_DATASOURCE_PASSWORD", "PORTAGE_ODOO_API_KEY",
                "PORTAGE_ODOO_SYNC_WEBHOOK_TOKEN", "PORTAGE_GATEWAY_ONBOARDING_CLIENT_SECRET",
                "portage.orders.channels.northwind-shop.webhook-secret");
        // Without a Secret named, onboarding stays off (it answers 503) rather than reading an empty secret.
        assertThat(of(minimal, Deployment.class)).allSatisfy(d -> assertThat(d.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()).noneMatch(variable -> variable.getName().startsWith("PORTAGE_GATEWAY_ONBOARDING_")));

        List<HasMetadata> all = render(ci.resolve("all-values.yaml"));
        // Everything in namespaceOverride but the topics, which go where the Topic Operator watches.
        assertThat(all).allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                .isEqualTo(object.getKind().equals("KafkaTopic") ? "kafka" : "portage-prod"));
        assertThat(all).extracting(HasMetadata::getKind).contains("StatefulSet", "Ingress", "HorizontalPodAutoscaler");
    }

    @Test
    void namesFollowTheOverrides() {
        assertThat(of(render(template -> template), Deployment.class)).extracting(d -> d.getMetadata().getName())
                .contains("portage-gateway");
        List<HasMetadata> renamed = render(template -> template.set("nameOverride", "logistics"));
        assertThat(of(renamed, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .contains("portage-logistics-gateway");
        List<HasMetadata> full = render(template -> template.set("fullnameOverride", "lx")
                .set("namespaceOverride", "elsewhere"));
        assertThat(of(full, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("lx-finance-service", "lx-gateway", "lx-order-service", "lx-shipment-service",
                        "lx-yard-service");
        assertThat(full).allSatisfy(object -> assertThat(object.getMetadata().getNamespace()).isEqualTo("elsewhere"));
        // The gateway reaches the renamed Services.
        assertThat(named(full, Deployment.class, "lx-gateway").getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()).filteredOn(
                        variable -> variable.getName().endsWith("_URL")
                                && variable.getName().startsWith("PORTAGE_GATEWAY_DOWNSTREAMS_"))
                .allSatisfy(variable -> assertThat(variable.getValue()).startsWith("http://lx-"));

        assertThatThrownBy(() -> render(template -> template.set("fullnameOverride", "Not_A_Name")))
                .hasMessageContaining("/fullnameOverride");
    }

    @Test
    void helmTestCallsEachServicesReadinessThroughItsService() throws Exception {
        List<HasMetadata> objects = renderWithTestPods(template -> template.set("yardService.enabled", "false")
                .set("gateway.service.port", "8081"));
        Map<String, Service> services = new HashMap<>();
        of(objects, Service.class).forEach(service -> services.put(service.getMetadata().getName(), service));
        List<Pod> pods = of(objects, Pod.class);

        assertThat(pods).extracting(pod -> pod.getMetadata().getName())
                .containsExactlyInAnyOrder("portage-test-finance-service-ready", "portage-test-gateway-ready",
                        "portage-test-order-service-ready", "portage-test-shipment-service-ready");
        for (Pod pod : pods) {
            Container container = pod.getSpec().getContainers().get(0);
            URI target = URI.create(container.getCommand().get(container.getCommand().size() - 1));
            assertThat(target.getPath()).isEqualTo("/q/health/ready");
            Service service = services.get(target.getHost());
            assertThat(service).as("Service %s called by %s", target.getHost(), pod.getMetadata().getName()).isNotNull();
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(target.getPort());
            assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            // The domain services' NetworkPolicy admits the release's own pods: the test pods are among them.
            assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "portage")
                    .containsEntry("app.kubernetes.io/part-of", "portage");
        }
        // No credentials named: no /me test.
        assertThat(pods).noneMatch(pod -> pod.getMetadata().getName().endsWith("-me"));
        for (String file : List.of("readiness.yaml", "gateway-me.yaml")) {
            assertThat(Files.readString(CHART.resolve("templates/tests/" + file))).contains("helm.sh/hook: test");
        }
    }

    @Test
    void helmTestCallsTheGatewaysMeWithATokenTakenWithTheSecretsCredentials() throws Exception {
        List<HasMetadata> objects = renderWithTestPods(template -> template.set("tests.auth.existingSecret", "it-client"));
        Pod me = named(objects, Pod.class, "portage-test-gateway-me");
        Map<String, EnvVar> env = new HashMap<>();
        me.getSpec().getContainers().get(0).getEnv().forEach(variable -> env.put(variable.getName(), variable));

        assertThat(env.get("TOKEN_URL").getValue())
                .isEqualTo("http://keycloak/realms/portage/protocol/openid-connect/token");
        URI meUrl = URI.create(env.get("ME_URL").getValue());
        assertThat(meUrl.getPath()).isEqualTo("/api/v1/me");
        Service gateway = named(objects, Service.class, meUrl.getHost());
        assertThat(gateway.getSpec().getPorts().get(0).getPort()).isEqualTo(meUrl.getPort());
        for (String credential : List.of("CLIENT_ID", "CLIENT_SECRET")) {
            assertThat(env.get(credential).getValue()).isNull();
            assertThat(env.get(credential).getValueFrom().getSecretKeyRef().getName()).isEqualTo("it-client");
        }
        assertThat(me.getSpec().getContainers().get(0).getCommand()).last()
                .asString()
                .contains("grant_type=client_credentials")
                .contains("Authorization: Bearer $token")
                .contains("\"$ME_URL\"");
    }

    @Test
    void theNotesNameWhatTheReleaseRenders() {
        String notes = HelmRender.notes(install -> install.set("fullnameOverride", "lx")
                .set("namespaceOverride", "elsewhere"));
        List<HasMetadata> objects = render(template -> template.set("fullnameOverride", "lx")
                .set("namespaceOverride", "elsewhere"));

        // kubectl works in the objects' namespace; helm test in the release's.
        List<String> namespaces = all(notes, "kubectl --namespace (\\S+)");
        assertThat(namespaces).isNotEmpty().containsOnly("elsewhere");
        List<String> deployments = all(notes, "deployment/(\\S+)");
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(of(objects, Deployment.class).stream()
                .map(d -> d.getMetadata().getName())
                .toList());
        for (String service : all(notes, "svc/(\\S+)")) {
            assertThat(named(objects, Service.class, service)).isNotNull();
        }
        assertThat(all(notes, "svc/(\\S+)")).containsExactly("lx-gateway");
        assertThat(all(notes, "port-forward svc/\\S+ \\d+:(\\d+)")).containsExactly(String.valueOf(
                named(objects, Service.class, "lx-gateway").getSpec().getPorts().get(0).getPort()));
        for (String selector : all(notes, " -l (\\S+)")) {
            String[] label = selector.split("=", 2);
            assertThat(of(objects, Deployment.class)).allSatisfy(d -> assertThat(d.getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getLabels()).containsEntry(label[0], label[1]));
        }
        assertThat(notes).contains("helm test portage --namespace logistics");
    }

    @Test
    void everyValueIsCommentedAndTheFileNamesItsSchema() throws Exception {
        List<String> lines = Files.readAllLines(CHART.resolve("values.yaml"));
        assertThat(lines.get(0)).isEqualTo("# yaml-language-server: $schema=values.schema.json");
        List<String> uncommented = new ArrayList<>();
        Pattern key = Pattern.compile("^(\\s*)[A-Za-z][\\w.-]*:.*");
        for (int i = 1; i < lines.size(); i++) {
            Matcher matcher = key.matcher(lines.get(i));
            if (matcher.matches() && !described(lines, i, matcher.group(1).length())) {
                uncommented.add(i + 1 + ": " + lines.get(i));
            }
        }
        assertThat(uncommented).as("keys with no comment above them or above their group").isEmpty();
    }

    /**
     * A comment right above the key, above the run of sibling keys it belongs to (a group under one comment), or on
     * the block that holds it.
     */
    private static boolean described(List<String> lines, int index, int indent) {
        for (int i = index - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isBlank()) {
                return false;
            }
            int own = line.length() - line.stripLeading().length();
            if (line.stripLeading().startsWith("#")) {
                if (own == indent) {
                    return true;
                }
                if (own < indent) {
                    return false;
                }
                continue;
            }
            if (own < indent) {
                // The parent key: its comment describes the block (e.g. `resources:` with requests and limits).
                return described(lines, i, own);
            }
        }
        return false;
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
