package io.portage.gateway;

import static io.portage.gateway.service.PartnerApiRouting.APPOINTMENTS;
import static io.portage.gateway.service.PartnerApiRouting.CARRIER_INVOICES;
import static io.portage.gateway.service.PartnerApiRouting.ORDERS;
import static io.portage.gateway.service.PartnerApiRouting.SHIPMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.gateway.client.AppointmentsApi;
import io.portage.gateway.client.CarrierInvoicesApi;
import io.portage.gateway.client.OpsApi;
import io.portage.gateway.client.OrdersApi;
import io.portage.gateway.client.ShipmentsApi;
import io.portage.gateway.client.YardApi;
import io.portage.gateway.rest.AppointmentRoutes;
import io.portage.gateway.rest.CarrierInvoiceRoutes;
import io.portage.gateway.rest.OrderRoutes;
import io.portage.gateway.rest.ShipmentRoutes;
import io.portage.gateway.service.OpsRouting;

/**
 * The gateway's clients against the APIs the services publish (their OpenAPI snapshots, see {@link ServiceApis}): every
 * call a client makes - method, path, path and query parameters, headers, body - is an operation of the service the
 * gateway's configuration routes it to; the statuses the gateway's routes promise partners are ones the service
 * answers; a record the gateway re-checks for the caller's partner carries {@code partnerId}; and the example bodies the
 * gateway documents are bodies the service accepts. A change on either side that breaks the other fails here.
 */
class ClientContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The client each partner route group is called through ({@code PartnerApiRouting}). */
    private static final Map<String, Class<?>> GROUP_APIS = Map.of(ORDERS, OrdersApi.class, SHIPMENTS, ShipmentsApi.class,
            APPOINTMENTS, AppointmentsApi.class, CARRIER_INVOICES, CarrierInvoicesApi.class);

    /**
     * The service's answers the gateway's routes promise partners (their OpenAPI responses and the README).
     * shipment-service and yard-service answer 404 for a record that is not the caller's but do not declare it (yet).
     */
    private static final Map<String, Set<Integer>> PROMISED = Map.ofEntries(
            Map.entry("OrdersApi.receive", Set.of(201, 200, 400)), Map.entry("OrdersApi.get", Set.of(200, 404)),
            Map.entry("OrdersApi.change", Set.of(200, 404, 409, 412, 428)),
            Map.entry("OrdersApi.cancel", Set.of(200, 404, 409)), Map.entry("ShipmentsApi.list", Set.of(200)),
            Map.entry("ShipmentsApi.get", Set.of(200)), Map.entry("ShipmentsApi.search", Set.of(200)),
            Map.entry("ShipmentsApi.timeline", Set.of(200)), Map.entry("ShipmentsApi.tracking", Set.of(200)),
            Map.entry("ShipmentsApi.returns", Set.of(200)), Map.entry("ShipmentsApi.rates", Set.of(200)),
            Map.entry("ShipmentsApi.proofOfDelivery", Set.of(200, 404)),
            Map.entry("ShipmentsApi.label", Set.of(201, 409, 502)), Map.entry("ShipmentsApi.voidLabel", Set.of(200, 409, 502)),
            Map.entry("ShipmentsApi.dispatch", Set.of(200, 409, 422)),
            Map.entry("ShipmentsApi.openReturn", Set.of(201, 409, 422)),
            Map.entry("ShipmentsApi.returnLabel", Set.of(201, 422, 502)),
            Map.entry("ShipmentsApi.returnReceipt", Set.of(200, 422)),
            Map.entry("AppointmentsApi.book", Set.of(201, 200, 409, 422)),
            Map.entry("AppointmentsApi.reschedule", Set.of(200, 404, 409, 422)),
            Map.entry("AppointmentsApi.cancel", Set.of(200, 404, 409, 422)),
            Map.entry("AppointmentsApi.eta", Set.of(200, 404, 409)), Map.entry("AppointmentsApi.onDay", Set.of(200)),
            Map.entry("AppointmentsApi.get", Set.of(200)), Map.entry("CarrierInvoicesApi.send", Set.of(202, 200, 400)));

    /** The reads whose answer the gateway re-checks for the caller's partner ({@code PartnerApiRouting.readOwn}). */
    private static final Set<String> OWNER_CHECKED = Set.of("OrdersApi.get", "ShipmentsApi.get", "AppointmentsApi.get");

    /** Headers every call carries that are not an operation's parameters: the token (security) and correlation id. */
    private static final Set<String> ENVELOPE = Set.of(HttpHeaders.AUTHORIZATION.toLowerCase(),
            CloudEventAttributes.CORRELATION_HEADER.toLowerCase());

    /** One call a client makes to a service. {@code anyQuery}: the caller's query is relayed as it is. */
    record Call(String service, String name, String method, String path, List<String> query, List<String> headers,
            boolean body, boolean anyQuery) {

        Call withPath(String other) {
            return new Call(service, name, method, other, query, headers, body, anyQuery);
        }

        Call withQuery(List<String> other) {
            return new Call(service, name, method, path, other, headers, body, anyQuery);
        }

        @Override
        public String toString() {
            return name + " (" + method + " " + path + " on " + service + ")";
        }
    }

    @Test
    void everyRouteGroupTheGatewayServesHasAClientAndOneService() {
        Set<String> served = new TreeSet<>();
        ServiceApis.downstreams().values().forEach(settings -> served.addAll(routes(settings)));
        assertThat(served).isEqualTo(new TreeSet<>(GROUP_APIS.keySet()));
        assertThat(calls()).extracting(Call::name)
                .contains(PROMISED.keySet().toArray(String[]::new))
                .contains("OpsApi.list", "OpsApi.get", "OpsApi.act", "OpsApi.actOn", "YardApi.board", "YardApi.visits");
    }

    @Test
    void everyCallIsAnOperationOfTheServiceItGoesTo() {
        List<String> problems = new ArrayList<>();
        calls().forEach(call -> problems.addAll(problems(call)));
        assertThat(problems).as("calls the services' APIs do not offer").isEmpty();
    }

    @Test
    void theStatusesTheRoutesPromiseAreOnesTheServiceAnswers() {
        List<String> problems = new ArrayList<>();
        for (Call call : calls()) {
            ServiceApis.operation(call.service(), call.method(), call.path()).ifPresent(operation -> {
                Set<Integer> answered = new TreeSet<>();
                operation.node().path("responses").fieldNames().forEachRemaining(code -> answered.add(Integer.parseInt(code)));
                Set<Integer> missing = new TreeSet<>(PROMISED.getOrDefault(call.name(), Set.of()));
                missing.removeAll(answered);
                if (!missing.isEmpty()) {
                    problems.add(call + ": the service does not answer " + missing + " (it answers " + answered + ")");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aRecordReCheckedForItsPartnerCarriesPartnerId() {
        for (Call call : calls()) {
            if (OWNER_CHECKED.contains(call.name())) {
                ServiceApis.Operation operation = ServiceApis.operation(call.service(), call.method(), call.path())
                        .orElseThrow();
                JsonNode record = operation
                        .resolve(operation.node()
                                .path("responses")
                                .path("200")
                                .path("content")
                                .path("application/json")
                                .path("schema"));
                assertThat(record.path("properties").has("partnerId"))
                        .as("%s: the gateway answers 404 unless the record's partnerId is the caller's", call)
                        .isTrue();
            }
        }
    }

    @Test
    void theExampleBodiesTheGatewayDocumentsAreOnesTheServiceAccepts() throws Exception {
        int checked = 0;
        for (Class<?> routes : List.of(OrderRoutes.class, AppointmentRoutes.class, ShipmentRoutes.class,
                CarrierInvoiceRoutes.class)) {
            for (Method route : routes.getDeclaredMethods()) {
                RequestBody body = route.getAnnotation(RequestBody.class);
                if (body == null || body.content().length == 0) {
                    continue;
                }
                String path = path(routes, route);
                Call call = calls().stream()
                        .filter(c -> c.method().equals(httpMethod(route)) && normalized(c.path()).equals(normalized(path)))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no client call for the route " + path));
                ServiceApis.Operation operation = ServiceApis.operation(call.service(), call.method(), call.path())
                        .orElseThrow();
                JsonNode schema = operation.node().path("requestBody").path("content").path("application/json").path("schema");
                for (var example : body.content()[0].examples()) {
                    List<String> problems = new ArrayList<>();
                    fits(operation, schema, JSON.readTree(example.value()), "", problems);
                    assertThat(problems).as("example %s of %s against %s", example.name(), path, call).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    /** Proves the check can fail: a client whose path or query parameter drifted from the service's API. */
    @Test
    void aChangedClientPathOrParameterIsCaught() {
        Call read = calls().stream().filter(c -> c.name().equals("OrdersApi.get")).findFirst().orElseThrow();
        assertThat(problems(read)).isEmpty();
        assertThat(problems(read.withPath("/api/v1/order/{id}"))).singleElement().asString().contains("not an operation");

        Call shipments = calls().stream().filter(c -> c.name().equals("ShipmentsApi.list")).findFirst().orElseThrow();
        assertThat(problems(shipments)).isEmpty();
        assertThat(problems(shipments.withQuery(List.of("order", "limit")))).singleElement()
                .asString()
                .contains("query parameter order");
    }

    /** What is wrong with one call against the service's API; empty when it fits. */
    static List<String> problems(Call call) {
        List<String> problems = new ArrayList<>();
        var found = ServiceApis.operation(call.service(), call.method(), call.path());
        if (found.isEmpty()) {
            problems.add(call + ": not an operation of " + call.service() + "'s API");
            return problems;
        }
        ServiceApis.Operation operation = found.get();
        for (String name : call.query()) {
            if (!operation.declares("query", name)) {
                problems.add(call + ": sends query parameter " + name + ", which " + operation.path() + " does not take");
            }
        }
        for (String name : call.headers()) {
            if (!operation.declares("header", name)) {
                problems.add(call + ": sends header " + name + ", which " + operation.path() + " does not take");
            }
        }
        for (JsonNode parameter : operation.parameters()) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            if (parameter.path("required").asBoolean() && "query".equals(in) && !call.anyQuery()
                    && !call.query().contains(name)) {
                problems.add(call + ": does not send the required query parameter " + name);
            }
        }
        JsonNode requestBody = operation.node().path("requestBody");
        if (call.body() && requestBody.isMissingNode() && !call.name().startsWith("OpsApi.")) {
            problems.add(call + ": sends a body, which " + operation.path() + " does not take");
        }
        if (!call.body() && requestBody.path("required").asBoolean()) {
            problems.add(call + ": sends no body, which " + operation.path() + " requires");
        }
        return problems;
    }

    /** Every call the gateway's clients make, each to the service its configuration routes it to. */
    static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        ServiceApis.downstreams().forEach((service, settings) -> {
            for (String group : routes(settings)) {
                Class<?> api = GROUP_APIS.get(group);
                assertThat(api).as("client for route group %s", group).isNotNull();
                for (Method method : api.getDeclaredMethods()) {
                    calls.add(call(service, api, method, path(api, method)));
                }
            }
            if (Boolean.parseBoolean(settings.getProperty("ops", "false"))) {
                calls.addAll(opsCalls(service));
            }
            if (routes(settings).contains(APPOINTMENTS)) {
                // The yard board, relayed to the service serving appointments (OpsRouting.yardBoard).
                for (Method method : YardApi.class.getDeclaredMethods()) {
                    calls.add(call(service, YardApi.class, method, path(YardApi.class, method)));
                }
            }
        });
        return calls;
    }

    /** The operations API's calls, for every resource and action the gateway relays ({@link OpsRouting}). */
    private static List<Call> opsCalls(String service) {
        List<Call> calls = new ArrayList<>();
        for (Method method : OpsApi.class.getDeclaredMethods()) {
            String template = path(OpsApi.class, method);
            Map<String, Set<String>> expansions = switch (method.getName()) {
                case "list" -> each(OpsRouting.LISTED);
                case "get" -> each(OpsRouting.READ_ONE);
                case "act" -> OpsRouting.BULK_ACTIONS;
                case "actOn" -> OpsRouting.ACTIONS_ON_ONE;
                case "view" -> OpsRouting.VIEWS_OF_ONE;
                default -> throw new AssertionError("OpsApi." + method.getName() + ": which resources does it reach?");
            };
            expansions.forEach((resource, actions) -> {
                for (String action : actions) {
                    calls.add(call(service, OpsApi.class, method,
                            template.replace("{resource}", resource)
                                    .replace("{action}", action)
                                    .replace("{view}", action)));
                }
            });
        }
        return calls;
    }

    private static Map<String, Set<String>> each(Set<String> resources) {
        Map<String, Set<String>> each = new java.util.TreeMap<>();
        resources.forEach(resource -> each.put(resource, Set.of("")));
        return each;
    }

    private static Call call(String service, Class<?> api, Method method, String path) {
        List<String> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        boolean body = false;
        boolean anyQuery = false;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(QueryParam.class)) {
                query.add(parameter.getAnnotation(QueryParam.class).value());
            } else if (parameter.isAnnotationPresent(RestQuery.class)) {
                anyQuery = true;
            } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                String header = parameter.getAnnotation(HeaderParam.class).value();
                if (!ENVELOPE.contains(header.toLowerCase())) {
                    headers.add(header);
                }
            } else if (!parameter.isAnnotationPresent(PathParam.class)) {
                body = true;
            }
        }
        return new Call(service, api.getSimpleName() + "." + method.getName(), httpMethod(method), path, query, headers,
                body, anyQuery);
    }

    private static String path(Class<?> type, Method method) {
        String base = type.getAnnotation(Path.class).value();
        Path own = method.getAnnotation(Path.class);
        return own == null ? base : base + own.value();
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(Annotation::annotationType)
                .filter(type -> type.isAnnotationPresent(HttpMethod.class))
                .map(type -> type.getAnnotation(HttpMethod.class).value())
                .findFirst()
                .orElseThrow();
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private static List<String> routes(Properties settings) {
        String routes = settings.getProperty("routes", "").strip();
        return routes.isEmpty() ? List.of() : List.of(routes.split("\\s*,\\s*"));
    }

    /** Whether a JSON value fits a schema's fields: no field the schema lacks, none it requires missing. */
    private static void fits(ServiceApis.Operation operation, JsonNode schema, JsonNode value, String at,
            List<String> problems) {
        JsonNode resolved = operation.resolve(schema);
        if (value.isObject() && resolved.has("properties")) {
            JsonNode properties = resolved.path("properties");
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!properties.has(name)) {
                    problems.add(at + "/" + name + ": not a field of the service's request");
                } else {
                    fits(operation, properties.path(name), value.path(name), at + "/" + name, problems);
                }
            }
            resolved.path("required").forEach(required -> {
                if (!value.has(required.asText())) {
                    problems.add(at + "/" + required.asText() + ": required by the service, missing");
                }
            });
        } else if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                fits(operation, resolved.path("items"), value.path(i), at + "/" + i, problems);
            }
        }
    }
}
