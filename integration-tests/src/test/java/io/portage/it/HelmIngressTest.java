package io.portage.it;

import static io.portage.it.HelmRender.of;
import static io.portage.it.HelmRender.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * What the Ingress and the HTTPRoute publish, followed as a request is: a path resolves to a rule (Kubernetes' Exact and
 * element-wise Prefix matching, the longest path first), the rule to a Service, the Service to the pods it selects; and
 * the NetworkPolicies, evaluated as the cluster would, admit the ingress controller exactly to those pods.
 */
class HelmIngressTest {

    private static final String NAMESPACE = "logistics";
    /** A pod of the ingress controller, in the namespace ingress.controllerPeers names by default. */
    private static final Source CONTROLLER = new Source("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    /** Any other pod of the cluster. */
    private static final Source STRANGER = new Source("shop-tools", Map.of("app", "crawler"));

    @Test
    void aShopWebhookReachesOrderServiceThroughTheIngressAndNothingElseLeaks() {
        List<HasMetadata> objects = render(template -> template.set("ingress.enabled", "true"));

        assertThat(backendOf(objects, ingressRoute(objects, "/webhooks/shopify/shop-eu"))).contains("order-service");
        assertThat(backendOf(objects, ingressRoute(objects, "/webhooks/marketplace/amazon-de"))).contains("order-service");
        assertThat(backendOf(objects, ingressRoute(objects, "/api/v1/orders/42"))).contains("gateway");
        assertThat(backendOf(objects, ingressRoute(objects, "/q/openapi"))).contains("gateway");
        for (String inside : List.of("/q/health/ready", "/q/metrics", "/webhooks", "/webhooks/shopifyx/a", "/odoo/webhook",
                "/api-docs", "/ops/dead-letters")) {
            assertThat(ingressRoute(objects, inside)).as("%s is not published", inside).isEmpty();
        }

        // The controller reaches the gateway and order-service, no other domain service; strangers only the gateway.
        assertThat(admitted(objects, CONTROLLER)).containsExactlyInAnyOrder("gateway", "order-service");
        assertThat(admitted(objects, STRANGER)).containsExactly("gateway");
        assertThat(admitted(objects, new Source(NAMESPACE, Map.of("app.kubernetes.io/instance", "portage",
                "app.kubernetes.io/part-of", "portage")))).containsExactlyInAnyOrder("gateway", "order-service",
                        "yard-service", "shipment-service", "finance-service");
    }

    @Test
    void withoutPublishedWebhooksOrderServiceStaysClosedToTheController() {
        List<HasMetadata> objects = render(template -> template.set("ingress.enabled", "true")
                .set("ingress.webhooks.enabled", "false"));

        assertThat(ingressRoute(objects, "/webhooks/shopify/shop-eu")).isEmpty();
        assertThat(admitted(objects, CONTROLLER)).containsExactly("gateway");
        // No ingress at all: the same.
        assertThat(admitted(render(template -> template), CONTROLLER)).containsExactly("gateway");
    }

    @Test
    void odoosWebhookIsPublishedOnlyWhenAskedForAndConfigured() {
        List<HasMetadata> objects = render(template -> template.set("ingress.enabled", "true")
                .set("ingress.odooWebhook.enabled", "true")
                .set("odoo.url", "https://erp.example.com")
                .set("odoo.database", "logistics"));
        assertThat(backendOf(objects, ingressRoute(objects, "/odoo/webhook"))).contains("order-service");
        assertThat(ingressRoute(objects, "/odoo/webhook/x")).as("Exact: nothing below it").isEmpty();

        // Without an Odoo link there is no webhook to publish.
        List<HasMetadata> unlinked = render(template -> template.set("ingress.enabled", "true")
                .set("ingress.odooWebhook.enabled", "true"));
        assertThat(ingressRoute(unlinked, "/odoo/webhook")).isEmpty();
    }

    @Test
    void theHttpRoutePublishesTheSamePathsWithOneMethodPerWebhook() {
        List<HasMetadata> objects = render(template -> template.set("httpRoute.enabled", "true")
                .set("httpRoute.parentRefs[0].name", "edge")
                .set("httpRoute.parentRefs[0].namespace", "infra"));
        HTTPRoute route = of(objects, HTTPRoute.class).get(0);

        assertThat(route.getSpec().getHostnames()).containsExactly("api.portage.example");
        assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(parent -> {
            assertThat(parent.getName()).isEqualTo("edge");
            assertThat(parent.getNamespace()).isEqualTo("infra");
        });
        assertThat(backendOf(objects, httpRoute(route, "POST", "/webhooks/shopify/shop-eu"))).contains("order-service");
        assertThat(httpRoute(route, "GET", "/webhooks/shopify/shop-eu")).as("a webhook takes only POST").isEmpty();
        assertThat(backendOf(objects, httpRoute(route, "GET", "/api/v1/shipments"))).contains("gateway");
        assertThat(httpRoute(route, "GET", "/q/health/live")).isEmpty();
        assertThat(route.getSpec().getRules()).allSatisfy(rule -> rule.getBackendRefs()
                .forEach(backend -> assertThat(port(objects, backend.getName())).isEqualTo(backend.getPort())));
        assertThat(admitted(objects, CONTROLLER)).containsExactlyInAnyOrder("gateway", "order-service");
        assertThat(of(objects, Ingress.class)).isEmpty();
    }

    @Test
    void theConsoleHasAHostOfItsOwnAndTheEdiGatewayStaysInside() {
        List<HasMetadata> objects = render(template -> template.set("ingress.enabled", "true")
                .set("ingress.tlsSecretName", "portage-tls")
                .set("console.enabled", "true")
                .set("console.host", "ops.logistics.example")
                .set("ediGateway.enabled", "true"));
        Ingress ingress = of(objects, Ingress.class).get(0);

        assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly("api.portage.example",
                "ops.logistics.example");
        var consoleRule = ingress.getSpec()
                .getRules()
                .stream()
                .filter(rule -> rule.getHost().equals("ops.logistics.example"))
                .findFirst()
                .orElseThrow();
        assertThat(consoleRule.getHttp().getPaths()).singleElement().satisfies(path -> {
            assertThat(path.getPath()).isEqualTo("/");
            assertThat(backendOf(objects, Optional.of(path.getBackend().getService().getName()))).contains("console");
        });
        // The partners' host does not lead to the console.
        assertThat(ingress.getSpec().getRules().stream().filter(rule -> rule.getHost().equals("api.portage.example")))
                .singleElement()
                .satisfies(rule -> assertThat(rule.getHttp().getPaths())
                        .noneMatch(path -> path.getBackend().getService().getName().endsWith("console")));
        // Browsers reach the console through any controller; edi-gateway only the release's own pods.
        assertThat(admitted(objects, STRANGER)).containsExactlyInAnyOrder("gateway", "console");
        assertThat(admitted(objects, CONTROLLER)).containsExactlyInAnyOrder("gateway", "order-service", "console");

        List<HasMetadata> routed = render(template -> template.set("httpRoute.enabled", "true")
                .set("console.enabled", "true")
                .set("console.host", "ops.logistics.example"));
        HTTPRoute console = of(routed, HTTPRoute.class).stream()
                .filter(route -> route.getSpec().getHostnames().contains("ops.logistics.example"))
                .findFirst()
                .orElseThrow();
        assertThat(backendOf(routed, httpRoute(console, "POST", "/exceptions/finance-service/42"))).contains("console");
        assertThat(console.getSpec().getRules().get(0).getBackendRefs().get(0).getPort())
                .isEqualTo(port(routed, console.getSpec().getRules().get(0).getBackendRefs().get(0).getName()));
    }

    @Test
    void proofOfDeliveryImagesAreNamedAtThePartnersDoor() {
        assertThat(shipmentEnv(render(template -> template.set("ingress.enabled", "true"))))
                .as("the Ingress host, where partners call")
                .containsEntry("PORTAGE_TRACKING_DOCUMENTS_BASE_URL", "https://api.portage.example");
        assertThat(shipmentEnv(render(template -> template.set("shipmentService.documentsBaseUrl",
                "https://partners.acme.example/portage")))).containsEntry("PORTAGE_TRACKING_DOCUMENTS_BASE_URL",
                        "https://partners.acme.example/portage");
        assertThat(shipmentEnv(render(template -> template))).as("no public address: the events name no image")
                .doesNotContainKey("PORTAGE_TRACKING_DOCUMENTS_BASE_URL");
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.documentsBaseUrl", "api.example")))
                .hasMessageContaining("documentsBaseUrl");
    }

    @Test
    void theTmsIsWiredIntoShipmentServiceOnlyWhenEnabledWithItsSecretsFromSecrets() {
        assertThat(env(render(template -> template), "portage-shipment-service").keySet()).as("off by default")
                .noneMatch(name -> name.startsWith("PORTAGE_TMS_") || name.startsWith("quarkus.oidc-client."));

        List<HasMetadata> objects = render(template -> template.set("shipmentService.tms.enabled", "true")
                .set("shipmentService.tms.url", "https://tms.logistics.example/v2")
                .set("shipmentService.tms.callbackUrl", "https://hooks.logistics.example/webhooks/tms"));
        assertThat(shipmentEnv(objects)).containsEntry("PORTAGE_TMS_ENABLED", "true")
                .containsEntry("PORTAGE_TMS_URL", "https://tms.logistics.example/v2")
                .containsEntry("PORTAGE_TMS_CALLBACK_URL", "https://hooks.logistics.example/webhooks/tms")
                .as("the release's yard-service, on its Service's port")
                .containsEntry("PORTAGE_TMS_YARD_URL", "http://portage-yard-service:" + port(objects, "portage-yard-service"))
                .containsEntry("PORTAGE_TMS_YARD_DOCK", "OUT")
                .containsEntry("quarkus.oidc-client.auth-server-url", "http://keycloak/realms/portage")
                .containsEntry("quarkus.oidc-client.client-id", "shipment-service");
        Map<String, EnvVar> env = env(objects, "portage-shipment-service");
        Map<String, String> secrets = new java.util.TreeMap<>();
        env.values()
                .stream()
                .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                .forEach(variable -> {
                    assertThat(variable.getValue()).as(variable.getName()).isNull();
                    secrets.put(variable.getName(), variable.getValueFrom().getSecretKeyRef().getName() + "/"
                            + variable.getValueFrom().getSecretKeyRef().getKey());
                });
        assertThat(secrets).containsEntry("PORTAGE_TMS_API_KEY", "portage-tms/api-key")
                .containsEntry("PORTAGE_TMS_WEBHOOK_SECRET", "portage-tms/webhook-secret")
                .containsEntry("quarkus.oidc-client.credentials.secret", "portage-shipment-service-client/client-secret");
        // Only shipment-service is given the TMS and the client's secret.
        for (String other : List.of("portage-yard-service", "portage-order-service", "portage-gateway")) {
            assertThat(env(objects, other).keySet()).as(other)
                    .noneMatch(name -> name.startsWith("PORTAGE_TMS_") || name.startsWith("quarkus.oidc-client."));
        }

        assertThat(shipmentEnv(render(template -> template.set("shipmentService.tms.enabled", "true")
                .set("shipmentService.tms.url", "https://tms.logistics.example")
                .set("shipmentService.tms.callbackUrl", "https://hooks.logistics.example/webhooks/tms")
                .set("shipmentService.tms.yardUrl", "https://yard.elsewhere.example")
                .set("shipmentService.tms.dock", "OUT-2")))).containsEntry("PORTAGE_TMS_YARD_URL",
                        "https://yard.elsewhere.example")
                .containsEntry("PORTAGE_TMS_YARD_DOCK", "OUT-2");
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.tms.enabled", "true")
                .set("shipmentService.tms.callbackUrl", "https://hooks.logistics.example/webhooks/tms")))
                .as("no TMS url")
                .hasMessageContaining("/shipmentService/tms/url");
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.tms.enabled", "true")
                .set("shipmentService.tms.url", "https://tms.logistics.example")
                .set("shipmentService.tms.callbackUrl", "https://hooks.logistics.example/webhooks/tms")
                .set("yardService.enabled", "false"))).as("yard-service elsewhere, not named")
                .hasMessageContaining("shipmentService.tms.yardUrl is required");
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.tms.apiKey", "in-the-values")))
                .as("no secret in the values")
                .hasMessageContaining("apiKey");
    }

    @Test
    void carriersAreConfiguredFromTheValuesAndTheirWebhooksReachShipmentService() {
        List<HasMetadata> objects = render(template -> parcelCarrier(template.set("ingress.enabled", "true"))
                .set("shipmentService.carriers.parcelco.apiKeyKey", "api-key")
                .set("shipmentService.carriers.parcelco.webhookSecretKey", "webhook-secret")
                .set("shipmentService.carriers.parcelco.settings.max-parcel-kg", "30")
                .set("shipmentService.carriers.parcelco.settings.breaker\\.delay", "1m")
                .set("shipmentService.carriers.freightline.style", "FREIGHT")
                .set("shipmentService.carriers.freightline.url", "https://trace.freightline.example"));

        // As CarrierEnvironmentTest (shipment-service) reads them back: portage.carriers.<name>.*.
        Map<String, EnvVar> env = env(objects, "portage-shipment-service");
        assertThat(shipmentEnv(objects)).containsEntry("PORTAGE_CARRIERS_PARCELCO_STYLE", "PARCEL_API")
                .containsEntry("PORTAGE_CARRIERS_PARCELCO_URL", "https://api.parcelco.example/v2")
                .containsEntry("PORTAGE_CARRIERS_PARCELCO_MAX_PARCEL_KG", "30")
                .containsEntry("PORTAGE_CARRIERS_PARCELCO_BREAKER_DELAY", "1m")
                .containsEntry("PORTAGE_CARRIERS_FREIGHTLINE_STYLE", "FREIGHT")
                .containsEntry("PORTAGE_CARRIERS_FREIGHTLINE_URL", "https://trace.freightline.example");
        assertThat(env.get("PORTAGE_CARRIERS_PARCELCO_API_KEY").getValueFrom().getSecretKeyRef())
                .satisfies(ref -> assertThat(ref.getName() + "/" + ref.getKey()).isEqualTo("portage-carrier-parcelco/api-key"));
        assertThat(env.get("PORTAGE_CARRIERS_PARCELCO_WEBHOOK_SECRET").getValueFrom().getSecretKeyRef())
                .satisfies(ref -> assertThat(ref.getName() + "/" + ref.getKey())
                        .isEqualTo("portage-carrier-parcelco/webhook-secret"));
        assertThat(env).doesNotContainKeys("PORTAGE_CARRIERS_FREIGHTLINE_API_KEY",
                "PORTAGE_CARRIERS_FREIGHTLINE_WEBHOOK_SECRET");
        assertThat(env(objects, "portage-order-service").keySet()).noneMatch(name -> name.startsWith("PORTAGE_CARRIERS_"));

        // A carrier with a webhook secret: its webhooks are published to shipment-service, which admits the controller.
        assertThat(backendOf(objects, ingressRoute(objects, "/webhooks/carriers/parcelco"))).contains("shipment-service");
        assertThat(ingressRoute(objects, "/webhooks/tms")).as("no TMS").isEmpty();
        assertThat(admitted(objects, CONTROLLER)).containsExactlyInAnyOrder("gateway", "order-service", "shipment-service");
        assertThat(admitted(objects, STRANGER)).containsExactly("gateway");

        // The TMS's plans too, when there is one; neither without published webhooks.
        List<HasMetadata> planned = render(template -> template.set("httpRoute.enabled", "true")
                .set("httpRoute.parentRefs[0].name", "edge")
                .set("shipmentService.tms.enabled", "true")
                .set("shipmentService.tms.url", "https://tms.logistics.example/v2")
                .set("shipmentService.tms.callbackUrl", "https://api.portage.example/webhooks/tms"));
        HTTPRoute route = of(planned, HTTPRoute.class).get(0);
        assertThat(backendOf(planned, httpRoute(route, "POST", "/webhooks/tms"))).contains("shipment-service");
        assertThat(httpRoute(route, "POST", "/webhooks/tms/x")).as("Exact").isEmpty();
        assertThat(httpRoute(route, "POST", "/webhooks/carriers/parcelco")).as("no carrier sends webhooks").isEmpty();
        assertThat(admitted(planned, CONTROLLER)).containsExactlyInAnyOrder("gateway", "order-service", "shipment-service");
        List<HasMetadata> closed = render(template -> parcelCarrier(template.set("ingress.enabled", "true")
                .set("ingress.webhooks.enabled", "false")).set("shipmentService.carriers.parcelco.webhookSecretKey",
                        "webhook-secret"));
        assertThat(ingressRoute(closed, "/webhooks/carriers/parcelco")).isEmpty();
        assertThat(admitted(closed, CONTROLLER)).containsExactly("gateway");

        // Refused: a carrier without its URL, an unknown style or setting, a secret key without its Secret, a name the
        // environment variables could not carry.
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.carriers.parcelco.style", "PARCEL_API")))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.carriers.parcelco.style", "CARRIER_PIGEON")
                .set("shipmentService.carriers.parcelco.url", "https://api.parcelco.example"))).hasMessageContaining("style");
        assertThatThrownBy(() -> render(template -> parcelCarrier(template)
                .set("shipmentService.carriers.parcelco.settings.speed", "fast"))).hasMessageContaining("'speed'");
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.carriers.parcelco.style", "PARCEL_API")
                .set("shipmentService.carriers.parcelco.url", "https://api.parcelco.example")
                .set("shipmentService.carriers.parcelco.apiKeyKey", "api-key"))).hasMessageContaining("existingSecret");
        assertThatThrownBy(() -> render(template -> template.set("shipmentService.carriers.parcel-co.style", "PARCEL_API")
                .set("shipmentService.carriers.parcel-co.url", "https://api.parcelco.example")))
                .hasMessageContaining("parcel-co");
    }

    /** A parcel carrier "parcelco" with its URL and Secret (keys in it and webhooks are the caller's to add). */
    private static TemplateCommand parcelCarrier(TemplateCommand template) {
        return template.set("shipmentService.carriers.parcelco.style", "PARCEL_API")
                .set("shipmentService.carriers.parcelco.url", "https://api.parcelco.example/v2")
                .set("shipmentService.carriers.parcelco.existingSecret", "portage-carrier-parcelco");
    }

    /** A rendered service's environment variables, by name (in name order). */
    private static Map<String, EnvVar> env(List<HasMetadata> objects, String deployment) {
        Map<String, EnvVar> env = new java.util.TreeMap<>();
        HelmRender.named(objects, Deployment.class, deployment)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(variable -> env.put(variable.getName(), variable));
        return env;
    }

    /** shipment-service's variables with a plain value. */
    private static Map<String, String> shipmentEnv(List<HasMetadata> objects) {
        Map<String, String> values = new java.util.TreeMap<>();
        env(objects, "portage-shipment-service").values()
                .stream()
                .filter(variable -> variable.getValue() != null)
                .forEach(variable -> values.put(variable.getName(), variable.getValue()));
        return values;
    }

    @Test
    void aChannelsWebhookSecretReachesOrderServiceUnderItsPropertyName() throws Exception {
        List<HasMetadata> objects = render(template -> template
                .set("orderService.channels.corner-shop.existingSecret", "shop-secrets")
                .set("orderService.channels.corner-shop.key", "corner")
                .set("orderService.channels.corner-shop.partner", "corner")
                .set("orderService.channels.bazaar.existingSecret", "shop-secrets")
                .set("orderService.channels.bazaar.key", "bazaar")
                .set("orderService.channels.bazaar.warehouse", "WH2"));
        Map<String, EnvVar> env = env(objects, "portage-order-service");
        env.keySet().removeIf(name -> !name.startsWith("portage.orders.channels."));

        // The exact property names (a channel named with "-" is lost in an upper-case variable), and only properties
        // order-service declares for a channel.
        assertThat(env.keySet()).containsExactly("portage.orders.channels.bazaar.warehouse",
                "portage.orders.channels.bazaar.webhook-secret", "portage.orders.channels.corner-shop.partner",
                "portage.orders.channels.corner-shop.webhook-secret");
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(HelmRender.CHECKOUT.resolve(
                "order-service/src/main/resources/application.properties"))) {
            settings.load(in);
        }
        Set<String> declared = new TreeSet<>();
        settings.stringPropertyNames().forEach(key -> {
            Matcher property = Pattern.compile("^(%\\w+\\.)?portage\\.orders\\.channels\\.[^.]+\\.(.+)$").matcher(key);
            if (property.matches()) {
                declared.add(property.group(2));
            }
        });
        env.keySet().forEach(name -> {
            assertThat(name).matches("[-._a-zA-Z][-._a-zA-Z0-9]*");
            assertThat(declared).contains(name.substring(name.lastIndexOf('.') + 1));
        });
        EnvVar secret = env.get("portage.orders.channels.corner-shop.webhook-secret");
        assertThat(secret.getValue()).isNull();
        assertThat(secret.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-secrets");
        assertThat(secret.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("corner");

        assertThatThrownBy(() -> render(template -> template.set("orderService.channels.Corner_Shop.existingSecret", "s")
                .set("orderService.channels.Corner_Shop.key", "k"))).hasMessageContaining("invalid propertyName 'Corner_Shop'");
    }

    /** The Service an Ingress path reaches: exact matches first, then the longest element-wise prefix. */
    private static Optional<String> ingressRoute(List<HasMetadata> objects, String path) {
        return of(objects, Ingress.class).stream()
                .flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .filter(candidate -> matches(candidate.getPathType(), candidate.getPath(), path))
                .min(Comparator
                        .comparing((io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath candidate) -> !candidate
                                .getPathType()
                                .equals("Exact"))
                        .thenComparing(candidate -> -candidate.getPath().length()))
                .map(candidate -> candidate.getBackend().getService().getName());
    }

    private static Optional<String> httpRoute(HTTPRoute route, String method, String path) {
        record Hit(String service, boolean exact, int length) {
        }
        List<Hit> hits = new ArrayList<>();
        route.getSpec().getRules().forEach(rule -> rule.getMatches().forEach(match -> {
            String type = match.getPath().getType().equals("PathPrefix") ? "Prefix" : match.getPath().getType();
            if (matches(type, match.getPath().getValue(), path)
                    && (match.getMethod() == null || match.getMethod().equals(method))) {
                hits.add(new Hit(rule.getBackendRefs().get(0).getName(), type.equals("Exact"), match.getPath()
                        .getValue()
                        .length()));
            }
        }));
        return hits.stream()
                .min(Comparator.comparing((Hit hit) -> !hit.exact()).thenComparing(hit -> -hit.length()))
                .map(Hit::service);
    }

    private static boolean matches(String type, String rulePath, String path) {
        if (type.equals("Exact")) {
            return rulePath.equals(path);
        }
        String prefix = rulePath.endsWith("/") ? rulePath.substring(0, rulePath.length() - 1) : rulePath;
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The container behind a Service: the one Deployment whose pods it selects. */
    private static Optional<String> backendOf(List<HasMetadata> objects, Optional<String> serviceName) {
        return serviceName.map(name -> {
            Service service = HelmRender.named(objects, Service.class, name);
            List<Deployment> selected = of(objects, Deployment.class).stream()
                    .filter(deployment -> deployment.getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()))
                    .toList();
            assertThat(selected).as("pods behind %s", name).hasSize(1);
            return selected.get(0).getSpec().getTemplate().getSpec().getContainers().get(0).getName();
        });
    }

    private static int port(List<HasMetadata> objects, String service) {
        return HelmRender.named(objects, Service.class, service).getSpec().getPorts().get(0).getPort();
    }

    /** A pod that opens a connection: its namespace (named by kubernetes.io/metadata.name) and its labels. */
    private record Source(String namespace, Map<String, String> labels) {
    }

    /** The containers whose HTTP port this source may reach, as the NetworkPolicies are enforced. */
    private static List<String> admitted(List<HasMetadata> objects, Source source) {
        List<NetworkPolicy> policies = of(objects, NetworkPolicy.class);
        List<String> reachable = new ArrayList<>();
        for (Deployment deployment : of(objects, Deployment.class)) {
            Map<String, String> pod = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(policy -> selects(policy.getSpec().getPodSelector(), pod))
                    .toList();
            boolean open = selecting.isEmpty() || selecting.stream()
                    .flatMap(policy -> policy.getSpec().getIngress().stream())
                    .filter(rule -> rule.getPorts().isEmpty() || rule.getPorts()
                            .stream()
                            .anyMatch(port -> "http".equals(port.getPort().getStrVal())))
                    .anyMatch(rule -> rule.getFrom().isEmpty() || rule.getFrom()
                            .stream()
                            .anyMatch(peer -> admits(peer, source)));
            if (open) {
                reachable.add(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getName());
            }
        }
        return reachable;
    }

    private static boolean admits(NetworkPolicyPeer peer, Source source) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        boolean namespace = peer.getNamespaceSelector() == null
                ? source.namespace().equals(NAMESPACE)
                : selects(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", source.namespace()));
        boolean pod = peer.getPodSelector() == null || selects(peer.getPodSelector(), source.labels());
        return namespace && pod;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (!labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> requirement.getValues().contains(value);
                case "NotIn" -> !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
