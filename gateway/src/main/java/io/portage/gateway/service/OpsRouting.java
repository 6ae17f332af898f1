package io.portage.gateway.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.gateway.client.Downstream;
import io.portage.gateway.client.Downstreams;
import io.portage.gateway.client.OpsApi;
import io.portage.gateway.client.YardApi;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Relays operators' calls to the services' operations APIs: dead letters, parked events, exceptions, backlogs and the
 * audit trail. Only the resources and actions the event kit's operations API offers are relayed (any other is a 400), with
 * the operator's own access token, which the service verifies again and names in its audit trail. Reads are answered
 * as the service answers; an unreachable service is a 503.
 */
@ApplicationScoped
public class OpsRouting {

    /** The exception queue, open to the roles that own its items. */
    public static final String EXCEPTIONS = "exceptions";
    /** The backlogs that cost money, open to the roles that own them; one is read by its name. */
    public static final String BACKLOGS = "backlogs";
    /** The resources open to the roles that own their records (each service shows them their own), not only operators. */
    public static final Set<String> OWNED = Set.of(EXCEPTIONS, BACKLOGS);
    /** What operators may do through the gateway, as the event kit's {@code /ops} offers it: resources listed. */
    public static final Set<String> LISTED = Set.of("dead-letters", "parked-events", EXCEPTIONS, BACKLOGS, "audit");
    /** Resources whose records are read one by one. */
    public static final Set<String> READ_ONE = Set.of("dead-letters", EXCEPTIONS, BACKLOGS);
    /** Actions on one record, by resource. */
    public static final Map<String, Set<String>> ACTIONS_ON_ONE = Map.of("dead-letters", Set.of("replay", "discard"),
            "exceptions", Set.of("retry", "resolve", "discard"));
    /** Views of one record besides itself, by resource. */
    public static final Map<String, Set<String>> VIEWS_OF_ONE = Map.of(EXCEPTIONS, Set.of("history"));
    /** Actions on every matching record, by resource. */
    public static final Map<String, Set<String>> BULK_ACTIONS = Map.of("dead-letters", Set.of("replay"));
    private static final String ID = "[0-9a-fA-F-]{36}";
    private static final String NAME = "[a-z0-9]+(-[a-z0-9]+)*";

    private final Downstreams downstreams;
    private final AccessTokenRelay relay;

    public OpsRouting(Downstreams downstreams, AccessTokenRelay relay) {
        this.downstreams = downstreams;
        this.relay = relay;
    }

    @WithSpan("OpsRouting.list")
    public Uni<Response> list(String service, String resource, Map<String, String> query, String correlationId) {
        Downstream downstream = downstream(service);
        String checked = resource(resource, LISTED);
        String authorization = relay.authorization();
        return relay(downstream, api -> api.list(checked, query, authorization, correlationId));
    }

    @WithSpan("OpsRouting.get")
    public Uni<Response> get(String service, String resource, String id, String correlationId) {
        Downstream downstream = downstream(service);
        String checked = resource(resource, READ_ONE);
        String record = BACKLOGS.equals(checked) ? name(id) : id(id);
        String authorization = relay.authorization();
        return relay(downstream, api -> api.get(checked, record, authorization, correlationId));
    }

    /** {@code GET /ops/<resource>/<id>/<view>} (an exception's history). */
    @WithSpan("OpsRouting.view")
    public Uni<Response> view(String service, String resource, String id, String view, String correlationId) {
        Downstream downstream = downstream(service);
        String checked = resource(resource, VIEWS_OF_ONE.keySet());
        String record = id(id);
        String name = action(view, VIEWS_OF_ONE.get(checked));
        String authorization = relay.authorization();
        return relay(downstream, api -> api.view(checked, record, name, authorization, correlationId));
    }

    /** {@code POST /ops/<resource>/<action>} (a bulk action such as replaying every matching dead letter). */
    @WithSpan("OpsRouting.act")
    public Uni<Response> act(String service, String resource, String action, String body, String correlationId) {
        Downstream downstream = downstream(service);
        String checked = resource(resource, BULK_ACTIONS.keySet());
        String verb = action(action, BULK_ACTIONS.get(checked));
        String authorization = relay.authorization();
        return relay(downstream, api -> api.act(checked, verb, body(body), authorization, correlationId));
    }

    /** {@code POST /ops/<resource>/<id>/<action>}. */
    @WithSpan("OpsRouting.actOn")
    public Uni<Response> actOn(String service, String resource, String id, String action, String body,
            String correlationId) {
        Downstream downstream = downstream(service);
        String checked = resource(resource, ACTIONS_ON_ONE.keySet());
        String record = id(id);
        String verb = action(action, ACTIONS_ON_ONE.get(checked));
        String authorization = relay.authorization();
        return relay(downstream, api -> api.actOn(checked, record, verb, body(body), authorization, correlationId));
    }

    /** yard-service's yard board ({@code GET /ops/yard/board}), on the service serving appointments. */
    @WithSpan("OpsRouting.yardBoard")
    public Uni<Response> yardBoard(String correlationId) {
        Downstream yard = yard();
        String authorization = relay.authorization();
        return relay(yard, YardApi.class, api -> api.board(authorization, correlationId));
    }

    /** A trailer's visits ({@code GET /ops/yard/visits}), on the service serving appointments. */
    @WithSpan("OpsRouting.trailerVisits")
    public Uni<Response> trailerVisits(String trailer, int limit, String correlationId) {
        Downstream yard = yard();
        String authorization = relay.authorization();
        return relay(yard, YardApi.class, api -> api.visits(trailer, limit, authorization, correlationId));
    }

    private Downstream yard() {
        return downstreams.serving(PartnerApiRouting.APPOINTMENTS)
                .orElseThrow(() -> new ProblemException(503, "service-unavailable", "Service unavailable",
                        "No service for the yard (route group appointments) is configured behind this gateway"));
    }

    private Downstream downstream(String service) {
        return downstreams.ops(service)
                .orElseThrow(() -> new ProblemException(404, "unknown-service", "Unknown service",
                        "No operations API named " + service + "; known: " + downstreams.opsNames()));
    }

    private static String resource(String resource, Set<String> offered) {
        if (!offered.contains(resource)) {
            throw ProblemException.invalid("resource", "must be one of " + new TreeSet<>(offered));
        }
        return resource;
    }

    private static String action(String action, Set<String> offered) {
        if (!offered.contains(action)) {
            throw ProblemException.invalid("action", "must be one of " + new TreeSet<>(offered));
        }
        return action;
    }

    private static String id(String id) {
        if (id == null || !id.matches(ID)) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
        return id;
    }

    private static String name(String name) {
        if (name == null || name.length() > 80 || !name.matches(NAME)) {
            throw ProblemException.invalid("id", "must be a backlog's name: lower-case words joined by hyphens");
        }
        return name;
    }

    private static String body(String body) {
        return body == null || body.isBlank() ? "{}" : body;
    }

    /** Through the service's one client and guard: a 5xx, a timeout or an open circuit answer 503. */
    private static Uni<Response> relay(Downstream downstream, Function<OpsApi, Uni<Response>> call) {
        return relay(downstream, OpsApi.class, call);
    }

    private static <A> Uni<Response> relay(Downstream downstream, Class<A> api, Function<A, Uni<Response>> call) {
        return downstream.call(api, call)
                .map(Relayed::of)
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    Log.warnf("%s operations API unavailable: %s", downstream.name(), failure.toString());
                    return new ProblemException(503, "service-unavailable", "Service unavailable",
                            downstream.name() + " could not be reached, did not answer in time or failed");
                });
    }
}
