package io.portage.it;

import static io.portage.it.HelmRender.CHART;
import static io.portage.it.HelmRender.CHECKOUT;
import static io.portage.it.HelmRender.of;
import static io.portage.it.HelmRender.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * The monitoring objects: the ServiceMonitor scrapes every Service of the release where its pods serve metrics, and
 * the PrometheusRule's alerts and the Grafana dashboard ask only for metrics the services export: a Portage metric's
 * Micrometer name must be in the services' code, any other one is a library's named here.
 */
class HelmMonitoringTest {

    /** Metrics the libraries export, not Portage's code: Quarkus' HTTP server binder and its Kafka client binder. */
    private static final Set<String> LIBRARY_METRICS = Set.of("http_server_requests_seconds_count",
            "kafka_consumer_fetch_manager_records_lag_max");
    /** A metric name right before its label selector, as every expression here writes them. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{");

    private static List<HasMetadata> everything() {
        return render(template -> template.set("monitoring.serviceMonitor.enabled", "true")
                .set("monitoring.prometheusRule.enabled", "true")
                .set("monitoring.dashboard.enabled", "true")
                .set("edgeAgent.enabled", "true")
                .set("console.enabled", "true"));
    }

    @Test
    void nothingUnlessAskedFor() {
        assertThat(render(template -> template)).noneMatch(object -> object instanceof ServiceMonitor
                || object instanceof PrometheusRule || object instanceof ConfigMap);
    }

    @Test
    void theServiceMonitorScrapesEveryServiceWhereItsPodsServeMetrics() {
        List<HasMetadata> objects = everything();
        ServiceMonitor monitor = of(objects, ServiceMonitor.class).get(0);
        List<Service> services = of(objects, Service.class);

        assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactly("logistics");
        // The console serves no metrics (its host publishes every path it has): not selected, not annotated.
        assertThat(services).hasSize(7);
        assertThat(services).filteredOn(service -> !isConsole(service)).hasSize(6).allSatisfy(service -> {
            assertThat(selects(monitor, service)).as("%s selected", service.getMetadata().getName()).isTrue();
            assertThat(service.getSpec().getPorts()).extracting("name")
                    .contains(monitor.getSpec().getEndpoints().get(0).getPort());
        });
        assertThat(services).filteredOn(HelmMonitoringTest::isConsole)
                .singleElement()
                .satisfies(console -> assertThat(selects(monitor, console)).isFalse());
        for (Deployment deployment : of(objects, Deployment.class)) {
            if (isConsole(deployment)) {
                assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).isNullOrEmpty();
            } else {
                assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                        .containsEntry("prometheus.io/path", monitor.getSpec().getEndpoints().get(0).getPath());
            }
        }
    }

    private static boolean isConsole(HasMetadata object) {
        return "console".equals(object.getMetadata().getLabels().get("app.kubernetes.io/name"));
    }

    /** The ServiceMonitor's label selector evaluated on a Service's labels (matchLabels, In and NotIn). */
    private static boolean selects(ServiceMonitor monitor, Service service) {
        Map<String, String> labels = service.getMetadata().getLabels();
        var selector = monitor.getSpec().getSelector();
        boolean matched = labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        for (var expression : selector.getMatchExpressions()) {
            String value = labels.get(expression.getKey());
            boolean in = value != null && expression.getValues().contains(value);
            matched &= switch (expression.getOperator()) {
                case "In" -> in;
                case "NotIn" -> !in;
                default -> throw new AssertionError("operator " + expression.getOperator());
            };
        }
        return matched;
    }

    @Test
    void theAlertsCoverWhatOperatorsAskForWithThresholdsFromTheValues() {
        PrometheusRule rule = of(render(template -> template.set("monitoring.prometheusRule.enabled", "true")
                .set("monitoring.prometheusRule.outboxLagSeconds", "120")
                .set("monitoring.prometheusRule.exceptionAgeSeconds", "3600")), PrometheusRule.class).get(0);
        Map<String, Rule> alerts = new java.util.TreeMap<>();
        rule.getSpec().getGroups().forEach(group -> group.getRules().forEach(r -> alerts.put(r.getAlert(), r)));

        assertThat(alerts).containsKeys("PortageRequestsFailing", "PortageConsumerLag", "PortageOutboxBacklog",
                "PortagePartnerThrottled", "PortageWebhookDeliveriesFailing", "PortageDeadLetters",
                "PortageRetriesRepeating", "PortageExceptionsAgeing");
        assertThat(alerts.get("PortageOutboxBacklog").getExpr().getStrVal()).endsWith("> 120");
        assertThat(alerts.get("PortageExceptionsAgeing").getExpr().getStrVal()).endsWith("> 3600");
        alerts.values().forEach(alert -> {
            assertThat(alert.getLabels()).containsKey("severity");
            assertThat(alert.getAnnotations()).containsKey("summary");
            assertThat(alert.getExpr().getStrVal()).as(alert.getAlert()).contains("namespace=\"logistics\"");
        });
    }

    @Test
    void alertsAndDashboardAskOnlyForMetricsTheServicesExport() throws IOException {
        List<HasMetadata> objects = everything();
        List<String> expressions = new ArrayList<>();
        of(objects, PrometheusRule.class).get(0)
                .getSpec()
                .getGroups()
                .forEach(group -> group.getRules().forEach(r -> expressions.add(r.getExpr().getStrVal())));
        JsonNode dashboard = new ObjectMapper().readTree(of(objects, ConfigMap.class).get(0).getData().get("portage.json"));
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));

        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions) {
            assertThat(metricsIn(expression)).as("a metric in %s", expression).isNotEmpty();
            metrics.addAll(metricsIn(expression));
        }
        Set<String> exported = micrometerNames();
        List<String> unknown = new ArrayList<>();
        for (String metric : metrics) {
            if (LIBRARY_METRICS.contains(metric)) {
                continue;
            }
            String micrometer = metric.replaceFirst("_total$", "").replace('_', '.');
            if (!exported.contains(micrometer)) {
                unknown.add(metric + " (" + micrometer + ")");
            }
        }
        assertThat(unknown).as("metrics no service registers").isEmpty();
        assertThat(metrics).contains("portage_gateway_rate_limited_total", "portage_outbox_lag_seconds",
                "portage_exceptions_oldest_age_seconds", "portage_dead_letters_total",
                "portage_webhooks_failed_attempts_total");
    }

    @Test
    void theDashboardIsTheChartsFileLabelledForGrafanasSidecar() throws IOException {
        ConfigMap map = of(render(template -> template.set("monitoring.dashboard.enabled", "true")
                .set("monitoring.dashboard.folder", "Logistics")), ConfigMap.class).get(0);
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(map.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Logistics");
        ObjectMapper json = new ObjectMapper();
        JsonNode dashboard = json.readTree(map.getData().get("portage.json"));
        assertThat(dashboard).isEqualTo(json.readTree(CHART.resolve("dashboards/portage.json").toFile()));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("panels")).allSatisfy(panel -> assertThat(panel.path("targets")).isNotEmpty());
    }

    private static Set<String> metricsIn(String expression) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Every Micrometer meter name ("portage.…" string literals) in the modules' main code. */
    private static Set<String> micrometerNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(portage\\.[a-z0-9.]+)\"");
        try (Stream<Path> modules = Files.list(CHECKOUT)) {
            for (Path sources : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                        Matcher matcher = literal.matcher(Files.readString(file));
                        while (matcher.find()) {
                            names.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        return names;
    }
}
