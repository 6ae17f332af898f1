package io.portage.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.portage.stack.PortageHome;

/**
 * The Helm chart as an integration team installs it: it lints in strict mode, and what it renders (Helm 3 embedded
 * through helm-java; there is no cluster here) is valid against fabric8's typed Kubernetes model, wires the services to
 * each other and to their secrets correctly, agrees with the manifests the services' builds generate, and refuses bad
 * values.
 */
class HelmChartTest {

    private static final Path CHECKOUT = PortageHome.locate().checkout();
    private static final Path CHART = CHECKOUT.resolve("helm/portage");
    /** A Kubernetes version the chart supports (Chart.yaml: kubeVersion >= 1.27). */
    private static final String KUBE_VERSION = "v1.31.0";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> SERVICES = List.of("finance-service", "gateway", "order-service",
            "shipment-service", "yard-service");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "StatefulSet", StatefulSet.class, "Service", Service.class, "ServiceAccount", ServiceAccount.class,
            "NetworkPolicy", NetworkPolicy.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "Ingress", Ingress.class);

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void defaultValuesRenderEveryServiceWithFieldsKubernetesKnows() throws Exception {
        List<HasMetadata> objects = render(UnaryOperator.identity());

        assertThat(names(objects, Deployment.class)).containsExactlyInAnyOrderElementsOf(
                SERVICES.stream().map(service -> "portage-" + service).toList());
        assertThat(names(objects, Service.class)).hasSize(SERVICES.size());
        assertThat(names(objects, PodDisruptionBudget.class)).hasSize(SERVICES.size());
        assertThat(names(objects, NetworkPolicy.class)).containsExactlyInAnyOrder("portage-domain-services",
                "portage-doors");
        assertThat(names(objects, ServiceAccount.class)).containsExactly("portage");
        assertThat(names(objects, StatefulSet.class)).isEmpty();
        assertThat(names(objects, HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(names(objects, Ingress.class)).isEmpty();
        for (HasMetadata object : objects) {
            assertThat(HelmRender.unknownFields(object, object.getKind() + " " + object.getMetadata().getName()))
                    .isEmpty();
            assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "portage")
                    .containsEntry("app.kubernetes.io/instance", "portage");
        }
        for (Deployment deployment : of(objects, Deployment.class)) {
            PodTemplateSpec pod = deployment.getSpec().getTemplate();
            Container container = pod.getSpec().getContainers().get(0);
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
            assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getImage()).isEqualTo("ghcr.io/portage/" + container.getName() + ":0.1.0-SNAPSHOT");
        }
    }

    @Test
    void everyServiceAndBudgetSelectsExactlyItsOwnPods() throws Exception {
        List<HasMetadata> objects = render(template -> template.set("edgeAgent.enabled", "true"));
        List<PodTemplateSpec> pods = new ArrayList<>();
        of(objects, Deployment.class).forEach(deployment -> {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getSelector().getMatchLabels()).doesNotContainKey("app.kubernetes.io/version");
            pods.add(deployment.getSpec().getTemplate());
        });
        of(objects, StatefulSet.class).forEach(set -> pods.add(set.getSpec().getTemplate()));

        for (Service service : of(objects, Service.class)) {
            List<String> selected = pods.stream()
                    .filter(pod -> pod.getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()))
                    .map(pod -> pod.getSpec().getContainers().get(0).getName())
                    .toList();
            assertThat(selected).as("pods behind Service %s", service.getMetadata().getName())
                    .containsExactly(service.getMetadata().getName().substring("portage-".length()));
        }
        for (PodDisruptionBudget budget : of(objects, PodDisruptionBudget.class)) {
            assertThat(pods.stream()
                    .filter(pod -> pod.getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet())))
                    .hasSize(1);
        }
    }

    @Test
    void theGatewayReachesEachServiceItRoutesToThroughARenderedService() throws Exception {
        List<HasMetadata> objects = render(UnaryOperator.identity());
        Map<String, Integer> servicePorts = new java.util.HashMap<>();
        of(objects, Service.class).forEach(service -> servicePorts.put(service.getMetadata().getName(),
                service.getSpec().getPorts().get(0).getPort()));
        Map<String, EnvVar> env = env(deployment(objects, "gateway"));

        Map<String, String> routes = Map.of("order-service", "orders", "yard-service", "appointments",
                "shipment-service", "shipments");
        routes.forEach((upstream, group) -> {
            String prefix = downstreamEnv(upstream);
            EnvVar url = env.get(prefix + "URL");
            assertThat(url).as("URL of downstream %s", upstream).isNotNull();
            URI uri = URI.create(url.getValue());
            assertThat(servicePorts).containsEntry(uri.getHost(), uri.getPort());
            assertThat(uri.getHost()).isEqualTo("portage-" + upstream);
            assertThat(env.get(prefix + "ROUTES").getValue()).isEqualTo(group);
            assertThat(env.get(prefix + "OPS").getValue()).isEqualTo("true");
            assertThat(env).doesNotContainKeys(prefix + "ENABLED", prefix + "TIMEOUT", prefix + "BREAKER_DELAY");
        });
        assertThat(env.keySet()).noneMatch(name -> name.startsWith("QUARKUS_REST_CLIENT_") || name.contains("OPS_SERVICES"));
        assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL").getValue()).isEqualTo("http://keycloak/realms/portage");
        // Its own database (edge events, outbox, idempotency keys, audit) and Kafka for the outbox relay.
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue()).endsWith("/gateway");
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").getValue()).isEqualTo("kafka:9092");

        // A service not in this release is switched off in the gateway, unless it is given a URL elsewhere.
        List<HasMetadata> withoutYard = render(template -> template.set("yardService.enabled", "false")
                .set("shipmentService.enabled", "false")
                .set("gateway.downstreams.shipment-service.url", "https://shipments.elsewhere.example"));
        Map<String, EnvVar> reduced = env(deployment(withoutYard, "gateway"));
        assertThat(reduced.get(downstreamEnv("yard-service") + "ENABLED").getValue()).isEqualTo("false");
        assertThat(reduced).doesNotContainKey(downstreamEnv("yard-service") + "URL");
        assertThat(reduced.get(downstreamEnv("shipment-service") + "URL").getValue())
                .isEqualTo("https://shipments.elsewhere.example");
        assertThat(names(withoutYard, Deployment.class)).doesNotContain("portage-yard-service");
    }

    @Test
    void theGatewaysDownstreamsAreTheOnesItDeclaresWithTheirSettings() throws Exception {
        Properties gateway = new Properties();
        try (var in = Files.newBufferedReader(CHECKOUT.resolve("gateway/src/main/resources/application.properties"))) {
            gateway.load(in);
        }
        Set<String> declared = new TreeSet<>();
        gateway.stringPropertyNames().forEach(key -> {
            if (key.startsWith("portage.gateway.downstreams.") && key.endsWith(".url")) {
                declared.add(key.substring("portage.gateway.downstreams.".length(), key.length() - ".url".length()));
            }
        });
        JsonNode values = YAML.readTree(CHART.resolve("values.yaml").toFile());
        Set<String> charted = new TreeSet<>();
        values.path("gateway").path("downstreams").fieldNames().forEachRemaining(charted::add);
        // One list: the chart renders exactly the downstreams the gateway declares (and whose routes it has), with
        // the same route groups and operations APIs.
        assertThat(charted).isNotEmpty().isEqualTo(declared);
        for (String name : declared) {
            JsonNode entry = values.path("gateway").path("downstreams").path(name);
            List<String> groups = new ArrayList<>();
            entry.path("routes").forEach(group -> groups.add(group.asText()));
            assertThat(String.join(",", groups)).as("routes of %s", name)
                    .isEqualTo(gateway.getProperty("portage.gateway.downstreams." + name + ".routes", ""));
            assertThat(entry.path("ops").asText()).as("ops of %s", name)
                    .isEqualTo(gateway.getProperty("portage.gateway.downstreams." + name + ".ops", "false"));
        }

        Map<String, EnvVar> env = env(deployment(render(template -> template
                .set("gateway.downstreams.order-service.timeout", "5s")
                .set("gateway.downstreams.order-service.readRetries", "0")
                .set("gateway.downstreams.order-service.breaker.delay", "30s")
                .set("gateway.downstreams.order-service.breaker.failureRatio", "0.25")
                .set("gateway.downstreams.yard-service.ops", "false")), "gateway"));
        String orders = downstreamEnv("order-service");
        assertThat(env.get(orders + "TIMEOUT").getValue()).isEqualTo("5s");
        assertThat(env.get(orders + "READ_RETRIES").getValue()).isEqualTo("0");
        assertThat(env.get(orders + "BREAKER_DELAY").getValue()).isEqualTo("30s");
        assertThat(env.get(orders + "BREAKER_FAILURE_RATIO").getValue()).isEqualTo("0.25");
        assertThat(env.get(downstreamEnv("yard-service") + "OPS").getValue()).isEqualTo("false");

        assertThatThrownBy(() -> render(template -> template.set("gateway.downstreams.billing-service.routes[0]", "orders")
                .set("gateway.downstreams.billing-service.ops", "true"))).hasMessageContaining("billing-service");
        assertThatThrownBy(() -> render(template -> template.set("gateway.downstreams.order-service.routes[0]", "invoices")))
                .hasMessageContaining("/gateway/downstreams/order-service/routes/0");
        assertThatThrownBy(() -> render(template -> template.set("gateway.downstreams.order-service.timeout", "soon")))
                .hasMessageContaining("/gateway/downstreams/order-service/timeout");
    }

    /** {@code portage.gateway.downstreams.<name>.} as an environment variable prefix. */
    private static String downstreamEnv(String name) {
        return "PORTAGE_GATEWAY_DOWNSTREAMS_" + name.toUpperCase().replace('-', '_') + "_";
    }

    @Test
    void eachServiceUsesItsOwnDatabaseWithCredentialsOnlyFromTheSecret() throws Exception {
        List<HasMetadata> objects = render(template -> template.set("database.host", "pg.internal")
                .set("database.existingSecret", "pg-credentials")
                .set("kafka.bootstrapServers", "broker-0.kafka:9093,broker-1.kafka:9093"));
        Map<String, String> databases = Map.of("order-service", "orders", "yard-service", "yard", "shipment-service",
                "shipments", "finance-service", "finance", "gateway", "gateway");

        databases.forEach((service, database) -> {
            Map<String, EnvVar> env = env(deployment(objects, service));
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue())
                    .isEqualTo("jdbc:postgresql://pg.internal:5432/" + database);
            assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").getValue())
                    .isEqualTo("postgresql://pg.internal:5432/" + database);
            for (String credential : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertThat(env.get(credential).getValue()).isNull();
                assertThat(env.get(credential).getValueFrom().getSecretKeyRef().getName()).isEqualTo("pg-credentials");
            }
        });
        // finance-service consumes the shipments' and orders' facts.
        for (String service : List.of("order-service", "yard-service", "shipment-service", "finance-service")) {
            assertThat(env(deployment(objects, service)).get("KAFKA_BOOTSTRAP_SERVERS").getValue())
                    .isEqualTo("broker-0.kafka:9093,broker-1.kafka:9093");
        }
    }

    @Test
    void orderServiceFollowsTheConfiguredOdooWithItsKeyOnlyFromTheSecret() throws Exception {
        assertThat(env(deployment(render(template -> template), "order-service"))).doesNotContainKey("PORTAGE_ODOO_URL");

        List<HasMetadata> objects = render(template -> template.set("odoo.url", "https://odoo.internal")
                .set("odoo.database", "logistics")
                .set("odoo.existingSecret", "odoo-bot"));
        Map<String, EnvVar> env = env(deployment(objects, "order-service"));
        assertThat(env.get("PORTAGE_ODOO_URL").getValue()).isEqualTo("https://odoo.internal");
        assertThat(env.get("PORTAGE_ODOO_DATABASE").getValue()).isEqualTo("logistics");
        assertThat(env.get("PORTAGE_ODOO_SYNC_ENABLED").getValue()).isEqualTo("true");
        for (String credential : List.of("PORTAGE_ODOO_API_KEY", "PORTAGE_ODOO_SYNC_WEBHOOK_TOKEN")) {
            assertThat(env.get(credential).getValue()).isNull();
            assertThat(env.get(credential).getValueFrom().getSecretKeyRef().getName()).isEqualTo("odoo-bot");
        }
        // yard-service reads purchase orders and writes receipts in the same Odoo, and captures no changes.
        Map<String, EnvVar> yard = env(deployment(objects, "yard-service"));
        assertThat(yard.get("PORTAGE_ODOO_URL").getValue()).isEqualTo("https://odoo.internal");
        assertThat(yard.get("PORTAGE_ODOO_API_KEY").getValueFrom().getSecretKeyRef().getName()).isEqualTo("odoo-bot");
        assertThat(yard).doesNotContainKey("PORTAGE_ODOO_SYNC_ENABLED");
        // shipment-service writes deliveries and returns in it; without an Odoo link it writes nothing there.
        Map<String, EnvVar> shipments = env(deployment(objects, "shipment-service"));
        assertThat(shipments.get("PORTAGE_ODOO_URL").getValue()).isEqualTo("https://odoo.internal");
        assertThat(shipments).doesNotContainKeys("PORTAGE_SHIPMENTS_ODOO_ENABLED", "PORTAGE_ODOO_SYNC_ENABLED");
        // finance-service posts bills, accruals, invoices and credit notes there.
        assertThat(env(deployment(objects, "finance-service")).get("PORTAGE_ODOO_API_KEY")
                .getValueFrom()
                .getSecretKeyRef()
                .getName()).isEqualTo("odoo-bot");
        assertThat(env(deployment(render(template -> template), "shipment-service"))
                .get("PORTAGE_SHIPMENTS_ODOO_ENABLED")
                .getValue()).isEqualTo("false");
        // Without an Odoo link finance-service posts nothing there either (accruals, bills, invoices wait).
        assertThat(env(deployment(render(template -> template), "finance-service"))
                .get("PORTAGE_FINANCE_ODOO_ENABLED")
                .getValue()).isEqualTo("false");
        assertThat(env(deployment(objects, "finance-service"))).doesNotContainKey("PORTAGE_FINANCE_ODOO_ENABLED");
        assertThatThrownBy(() -> render(template -> template.set("odoo.url", "https://odoo.internal")))
                .hasMessageContaining("database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "order-service", "yard-service", "shipment-service", "finance-service",
            "edi-gateway", "console"})
    void agreesWithTheManifestsTheServiceBuildGenerates(String service) throws Exception {
        Deployment generated = YAML.readValues(YAML.createParser(Files.readString(CHECKOUT.resolve("k8s/base/" + service
                + ".yml"))), JsonNode.class)
                .readAll()
                .stream()
                .filter(document -> "Deployment".equals(document.path("kind").asText()))
                .map(document -> YAML.convertValue(document, Deployment.class))
                .findFirst()
                .orElseThrow();
        Container expected = generated.getSpec().getTemplate().getSpec().getContainers().get(0);
        Container actual = deployment(render(template -> template.set("ediGateway.enabled", "true")
                .set("console.enabled", "true")), service).getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(actual.getImage()).isEqualTo(expected.getImage());
        assertThat(actual.getPorts().get(0).getContainerPort()).isEqualTo(expected.getPorts().get(0).getContainerPort());
        assertThat(actual.getResources()).isEqualTo(expected.getResources());
        assertThat(actual.getReadinessProbe().getHttpGet().getPath())
                .isEqualTo(expected.getReadinessProbe().getHttpGet().getPath());
        assertThat(actual.getLivenessProbe().getHttpGet().getPath())
                .isEqualTo(expected.getLivenessProbe().getHttpGet().getPath());
        assertThat(actual.getStartupProbe().getHttpGet().getPath())
                .isEqualTo(expected.getStartupProbe().getHttpGet().getPath());
        assertThat(actual.getVolumeMounts()).extracting("mountPath")
                .containsExactlyInAnyOrderElementsOf(expected.getVolumeMounts().stream().map(m -> m.getMountPath()).toList());
    }

    @Test
    void theEdiGatewayTakesItsPartnersAsDataAndItsSshKeyOnlyFromASecret() throws Exception {
        assertThat(of(render(UnaryOperator.identity()), Deployment.class)).extracting(d -> d.getMetadata().getName())
                .doesNotContain("portage-edi-gateway");

        List<HasMetadata> objects = render(template -> template.set("ediGateway.enabled", "true")
                .set("ediGateway.sshKey.existingSecret", "edi-key")
                .set("ediGateway.partners.acme-3pl.role", "THIRD_PARTY_LOGISTICS")
                .set("ediGateway.partners.acme-3pl.x12-version", "004010")
                .set("ediGateway.partners.acme-3pl.qualifier", "ZZ")
                .set("ediGateway.partners.acme-3pl.id", "ACME3PL")
                .set("ediGateway.partners.acme-3pl.documents", "940,945,997")
                .set("ediGateway.partners.acme-3pl.sftp\\.host", "sftp.acme.example")
                .set("ediGateway.partners.acme-3pl.sftp\\.user", "portage")
                .set("ediGateway.partners.acme-3pl.sftp\\.host-key", "SHA256:abc"));
        Deployment edi = deployment(objects, "edi-gateway");
        assertThat(HelmRender.unknownFields(edi, "Deployment")).isEmpty();
        Map<String, EnvVar> env = env(edi);
        assertThat(env.get("portage.edi.partners.acme-3pl.documents").getValue()).isEqualTo("940,945,997");
        assertThat(env.get("portage.edi.partners.acme-3pl.sftp.host").getValue()).isEqualTo("sftp.acme.example");
        assertThat(env.get("portage.edi.partners.acme-3pl.sftp.private-key").getValue())
                .isEqualTo("/etc/portage/edi/ssh/id_ecdsa");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue()).endsWith("/edi");
        assertThat(env).containsKey("KAFKA_BOOTSTRAP_SERVERS");
        var volume = edi.getSpec()
                .getTemplate()
                .getSpec()
                .getVolumes()
                .stream()
                .filter(v -> v.getName().equals("ssh-key"))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo("edi-key");
        assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0440);
        assertThat(edi.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
                .anySatisfy(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo("/etc/portage/edi/ssh");
                    assertThat(mount.getReadOnly()).isTrue();
                });
        // A partner without its server's host key is refused, as is a private key given as a value.
        assertThatThrownBy(() -> render(template -> template.set("ediGateway.enabled", "true")
                .set("ediGateway.partners.acme-3pl.role", "THIRD_PARTY_LOGISTICS"))).hasMessageContaining("sftp.host-key");
    }

    @Test
    void theConsoleSignsPeopleInAtTheRealmAndCallsTheReleasesGateway() throws Exception {
        assertThat(names(render(UnaryOperator.identity()), Deployment.class)).noneMatch(name -> name.endsWith("console"));

        List<HasMetadata> objects = render(template -> template.set("console.enabled", "true")
                .set("console.session.existingSecret", "console-session")
                .set("gateway.downstreams.yard-service.ops", "false"));
        Deployment console = deployment(objects, "console");
        assertThat(HelmRender.unknownFields(console, "Deployment")).isEmpty();
        Map<String, EnvVar> env = env(console);
        assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL").getValue()).isEqualTo("http://keycloak/realms/portage");
        assertThat(env.get("QUARKUS_OIDC_CLIENT_ID").getValue()).isEqualTo("portage-console");
        var session = env.get("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET").getValueFrom().getSecretKeyRef();
        assertThat(session.getName()).isEqualTo("console-session");
        assertThat(session.getKey()).isEqualTo("key");
        // It calls the release's gateway Service on its port, and shows the services whose operations it relays.
        String gateway = env.get("QUARKUS_REST_CLIENT_GATEWAY_URL").getValue();
        Service gatewayService = HelmRender.named(objects, Service.class, "portage-gateway");
        assertThat(gateway).isEqualTo("http://portage-gateway:" + gatewayService.getSpec().getPorts().get(0).getPort());
        assertThat(env.get("PORTAGE_CONSOLE_SERVICES").getValue())
                .isEqualTo("finance-service,order-service,shipment-service");
        // No database, no Kafka: it keeps nothing of its own.
        assertThat(env).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS",
                "QUARKUS_OIDC_TOKEN_AUDIENCE");
        // The realm as browsers reach it, when it differs.
        assertThat(env(deployment(render(template -> template.set("console.enabled", "true")
                .set("console.authServerUrl", "https://sso.example.com/realms/portage")), "console"))
                .get("QUARKUS_OIDC_AUTH_SERVER_URL")
                .getValue()).isEqualTo("https://sso.example.com/realms/portage");
        assertThatThrownBy(() -> render(template -> template.set("console.enabled", "true")
                .set("console.host", "https://ops.example.com"))).hasMessageContaining("host");
    }

    @Test
    void theEdgeAgentRunsAsOnePodWithItsJournalOnAVolume() throws Exception {
        List<HasMetadata> objects = render(template -> template.set("edgeAgent.enabled", "true")
                .set("edgeAgent.storage.size", "20Gi")
                .set("edgeAgent.storage.storageClassName", "local-ssd"));

        StatefulSet agent = of(objects, StatefulSet.class).get(0);
        assertThat(HelmRender.unknownFields(agent, "StatefulSet")).isEmpty();
        assertThat(agent.getSpec().getReplicas()).isEqualTo(1);
        assertThat(agent.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
            assertThat(claim.getMetadata().getName()).isEqualTo("journal");
            assertThat(claim.getSpec().getStorageClassName()).isEqualTo("local-ssd");
            assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("20Gi");
        });
        Container container = agent.getSpec().getTemplate().getSpec().getContainers().get(0);
        String journal = container.getVolumeMounts()
                .stream()
                .filter(mount -> mount.getName().equals("journal"))
                .findFirst()
                .orElseThrow()
                .getMountPath();
        String storePath = container.getEnv()
                .stream()
                .filter(variable -> variable.getName().equals("PORTAGE_EDGE_STORE_PATH"))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertThat(storePath).startsWith(journal + "/");
    }

    @Test
    void theEdgeAgentTakesItsKeysAndClientSecretFromSecretsAndAdmitsOnlyItsClients() throws Exception {
        List<HasMetadata> objects = render(template -> template.set("edgeAgent.enabled", "true"));
        StatefulSet agent = of(objects, StatefulSet.class).get(0);
        Container container = agent.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = new java.util.LinkedHashMap<>();
        container.getEnv().forEach(variable -> env.put(variable.getName(), variable));
        assertThat(env.get("QUARKUS_HTTP_HOST").getValue()).isEqualTo("0.0.0.0");
        assertThat(env.get("PORTAGE_EDGE_CLIENT_SECRET").getValue()).isNull();
        assertThat(env.get("PORTAGE_EDGE_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("portage-edge-agent-client");
        assertThat(env.get("PORTAGE_EDGE_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("client-secret");
        String keysFile = env.get("PORTAGE_EDGE_AUTH_KEYS_FILE").getValue();
        var mount = container.getVolumeMounts()
                .stream()
                .filter(m -> m.getName().equals("keys"))
                .findFirst()
                .orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(keysFile).isEqualTo(mount.getMountPath() + "/edge-agent.keys");
        assertThat(agent.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getName().equals("keys"))
                .singleElement()
                .satisfies(volume -> {
                    assertThat(volume.getSecret().getSecretName()).isEqualTo("portage-edge-agent-keys");
                    assertThat(volume.getSecret().getItems()).extracting("key").containsExactly("edge-agent.keys");
                });

        // The agent is no longer an open door: its own policy admits the labelled client pods on the HTTP port.
        NetworkPolicy doors = of(objects, NetworkPolicy.class).stream()
                .filter(policy -> policy.getMetadata().getName().equals("portage-doors"))
                .findFirst()
                .orElseThrow();
        assertThat(doors.getSpec().getPodSelector().getMatchExpressions().get(0).getValues()).containsExactly("gateway");
        NetworkPolicy policy = edgePolicy(objects);
        assertThat(agent.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).extracting(port -> port.getPort().getStrVal()).containsExactly("http");
            assertThat(rule.getFrom()).singleElement()
                    .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                            .containsExactly(Map.entry("portage.io/edge-client", "true")));
        });

        // The scanners' subnet and the monitoring namespace when named; nothing at all when nothing is named.
        NetworkPolicy named = edgePolicy(render(template -> template.set("edgeAgent.enabled", "true")
                .set("edgeAgent.networkPolicy.from[0].ipBlock.cidr", "10.20.0.0/24")
                .set("networkPolicy.allowFromNamespaces[0].matchLabels.kubernetes\\.io/metadata\\.name", "monitoring")));
        var from = named.getSpec().getIngress().get(0).getFrom();
        assertThat(from).hasSize(3);
        assertThat(from.stream().filter(peer -> peer.getIpBlock() != null).map(peer -> peer.getIpBlock().getCidr()))
                .containsExactly("10.20.0.0/24");
        assertThat(from.stream()
                .filter(peer -> peer.getNamespaceSelector() != null)
                .map(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                .containsExactly("monitoring");
        NetworkPolicy closed = edgePolicy(render(template -> template.set("edgeAgent.enabled", "true")
                .set("edgeAgent.networkPolicy.clientPodLabels", "null")));
        assertThat(closed.getSpec().getIngress()).isEmpty();
        assertThat(closed.getSpec().getPolicyTypes()).containsExactly("Ingress");

        assertThatThrownBy(() -> render(template -> template.set("edgeAgent.enabled", "true")
                .set("edgeAgent.keys.existingSecret", ""))).hasMessageContaining("/edgeAgent/keys/existingSecret");
    }

    private static NetworkPolicy edgePolicy(List<HasMetadata> objects) {
        return of(objects, NetworkPolicy.class).stream()
                .filter(policy -> policy.getMetadata().getName().equals("portage-edge-agent"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void autoscalingIngressAndTracingAreRenderedWhenAskedFor() throws Exception {
        List<HasMetadata> objects = render(template -> template.set("orderService.autoscaling.enabled", "true")
                .set("orderService.autoscaling.maxReplicas", "8")
                .set("ingress.enabled", "true")
                .set("ingress.host", "api.logistics.example")
                .set("ingress.tlsSecretName", "api-tls")
                .set("tracing.otlpEndpoint", "http://otel-collector:4317")
                .set("tracing.sampleRatio", "0.25")
                .set("edgeAgent.enabled", "true"));

        HorizontalPodAutoscaler autoscaler = of(objects, HorizontalPodAutoscaler.class).get(0);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("portage-order-service");
        assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(deployment(objects, "order-service").getSpec().getReplicas()).as("the autoscaler owns the count").isNull();

        Ingress ingress = of(objects, Ingress.class).get(0);
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("api-tls");
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("api.logistics.example");
        // The gateway's paths; the shops' webhooks go to order-service (HelmIngressTest follows them).
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths())
                .filteredOn(path -> path.getBackend().getService().getName().equals("portage-gateway"))
                .extracting("path")
                .containsExactly("/api", "/q/openapi");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths())
                .filteredOn(path -> !path.getBackend().getService().getName().equals("portage-gateway"))
                .allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("portage-order-service"))
                .extracting("path")
                .containsExactly("/webhooks/shopify", "/webhooks/marketplace");

        for (String service : SERVICES) {
            Map<String, EnvVar> env = env(deployment(objects, service));
            assertThat(env.get("QUARKUS_OTEL_TRACES_SAMPLER_ARG").getValue()).isEqualTo("0.25");
            assertThat(env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").getValue()).isEqualTo("http://otel-collector:4317");
        }
        // The edge agent exports no spans (it logs correlation ids): no tracing settings for it.
        assertThat(of(objects, StatefulSet.class).get(0).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName)
                .noneMatch(name -> name.startsWith("QUARKUS_OTEL"));
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> render(template -> template.set("orderService.replicas", "two")))
                .hasMessageContaining("'/orderService/replicas': got string, want integer");
        assertThatThrownBy(() -> render(template -> template.set("kafka.bootstrapServers", "kafka")))
                .hasMessageContaining("'/kafka/bootstrapServers'");
        assertThatThrownBy(() -> render(template -> template.set("orderService.databse", "orders2")))
                .hasMessageContaining("'/orderService/databse'");
        assertThatThrownBy(() -> render(template -> template.set("image.pullPolicy", "Sometimes")))
                .hasMessageContaining("'/image/pullPolicy'");
        assertThatThrownBy(() -> render(template -> template.set("tracing.sampleRatio", "1.5")))
                .hasMessageContaining("'/tracing/sampleRatio'");
        assertThatThrownBy(() -> render(template -> template.set("database.port", "70000")))
                .hasMessageContaining("'/database/port'");
        assertThatThrownBy(() -> render(template -> template.withKubeVersion("v1.25.0")))
                .hasMessageContaining("kubeVersion");
    }

    private static List<HasMetadata> render(UnaryOperator<TemplateCommand> values) throws IOException {
        String rendered = values.apply(new Helm(CHART).template()
                .withName("portage")
                .withNamespace("logistics")
                .withKubeVersion(KUBE_VERSION)).call();
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : YAML.readValues(YAML.createParser(rendered), JsonNode.class).readAll()) {
            if (document == null || document.isEmpty()) {
                continue;
            }
            Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
            assertThat(type).as("a kind the chart should not render: %s", document.path("kind").asText()).isNotNull();
            objects.add(YAML.treeToValue(document, type));
        }
        return objects;
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
        return of(objects, type).stream().map(object -> object.getMetadata().getName()).toList();
    }

    private static Deployment deployment(List<HasMetadata> objects, String service) {
        return of(objects, Deployment.class).stream()
                .filter(deployment -> deployment.getMetadata().getName().equals("portage-" + service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment portage-" + service));
    }

    private static Map<String, EnvVar> env(Deployment deployment) {
        Map<String, EnvVar> env = new java.util.LinkedHashMap<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(v -> env.put(v.getName(), v));
        return env;
    }
}
