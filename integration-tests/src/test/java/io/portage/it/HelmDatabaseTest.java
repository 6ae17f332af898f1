package io.portage.it;

import static io.portage.it.HelmRender.of;
import static io.portage.it.HelmRender.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The optional CloudNativePG cluster: one Database per service that uses PostgreSQL, owned by the role whose password
 * is in the chart's database Secret, and every service pointed at the cluster's read-write Service. No CloudNativePG
 * model is on the build's classpath: the fields are checked against the Cluster and Database CRDs' spec lists here.
 */
class HelmDatabaseTest {

    private static final Set<String> CLUSTER_FIELDS = Set.of("instances", "imageName", "primaryUpdateStrategy", "storage",
            "resources", "bootstrap", "backup");
    private static final Set<String> DATABASE_FIELDS = Set.of("cluster", "name", "owner", "ensure",
            "databaseReclaimPolicy");
    private static final Map<String, String> DATABASES = Map.of("gateway", "gateway", "order-service", "orders",
            "yard-service", "yard", "shipment-service", "shipments", "finance-service", "finance");

    @Test
    void anExternalPostgresqlUnlessAskedFor() {
        List<HasMetadata> objects = render(template -> template);
        assertThat(of(objects, "Cluster")).isEmpty();
        assertThat(jdbcUrls(objects).values()).allMatch(url -> url.startsWith("jdbc:postgresql://postgresql:5432/"));
    }

    @Test
    void oneDatabasePerServiceOnTheReleasesClusterWhichTheServicesUse() {
        List<HasMetadata> objects = render(template -> template.set("cloudnativePg.enabled", "true")
                .set("cloudnativePg.instances", "2")
                .set("cloudnativePg.storage.size", "50Gi")
                .set("database.existingSecret", "pg-owner"));
        GenericKubernetesResource cluster = of(objects, "Cluster").get(0);
        String name = cluster.getMetadata().getName();
        Map<String, Object> spec = spec(cluster);

        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(spec.keySet()).isSubsetOf(CLUSTER_FIELDS);
        assertThat(spec).containsEntry("instances", 2);
        assertThat(map(spec, "storage")).containsEntry("size", "50Gi");
        Map<String, Object> initdb = map(map(spec, "bootstrap"), "initdb");
        assertThat(initdb).containsEntry("owner", "portage");
        assertThat(map(initdb, "secret")).containsEntry("name", "pg-owner");

        Map<String, String> databases = new TreeMap<>();
        for (GenericKubernetesResource database : of(objects, "Database")) {
            Map<String, Object> own = spec(database);
            assertThat(own.keySet()).isSubsetOf(DATABASE_FIELDS);
            assertThat(map(own, "cluster")).containsEntry("name", name);
            assertThat(own).containsEntry("owner", "portage").containsEntry("databaseReclaimPolicy", "retain");
            databases.put(database.getMetadata().getLabels().get("app.kubernetes.io/name"), (String) own.get("name"));
        }
        assertThat(databases).isEqualTo(new TreeMap<>(DATABASES));
        jdbcUrls(objects).forEach((service, url) -> assertThat(url).as(service)
                .isEqualTo("jdbc:postgresql://" + name + "-rw:5432/" + DATABASES.get(service)));
    }

    @Test
    void aServiceNotInTheReleaseGetsNoDatabaseAndSecretKeysMustBeCloudNativePgs() {
        List<HasMetadata> objects = render(template -> template.set("cloudnativePg.enabled", "true")
                .set("yardService.enabled", "false"));
        assertThat(of(objects, "Database")).extracting(database -> (String) spec(database).get("name"))
                .containsExactlyInAnyOrder("gateway", "orders", "shipments", "finance");

        assertThatThrownBy(() -> render(template -> template.set("cloudnativePg.enabled", "true")
                .set("database.usernameKey", "user"))).hasMessageContaining("database.usernameKey");
    }

    private static Map<String, String> jdbcUrls(List<HasMetadata> objects) {
        Map<String, String> urls = new TreeMap<>();
        for (Deployment deployment : of(objects, Deployment.class)) {
            var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            container.getEnv()
                    .stream()
                    .filter(variable -> variable.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
                    .forEach(variable -> urls.put(container.getName(), variable.getValue()));
        }
        assertThat(urls).hasSize(DATABASES.size());
        return urls;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
