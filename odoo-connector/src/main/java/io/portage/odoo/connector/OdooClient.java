package io.portage.odoo.connector;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.error.OdooConcurrencyException;
import io.portage.odoo.connector.error.OdooErrors;
import io.portage.odoo.connector.error.OdooException;
import io.portage.odoo.connector.error.OdooUnavailableException;
import io.portage.odoo.connector.transport.Credentials;
import io.portage.odoo.connector.transport.HttpCaller;
import io.portage.odoo.connector.transport.Json2Transport;
import io.portage.odoo.connector.transport.JsonRpcTransport;
import io.portage.odoo.connector.transport.OdooTransport;
import io.portage.odoo.connector.transport.OdooVersion;
import io.portage.odoo.connector.transport.XmlRpcTransport;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The reactive client of one Odoo instance: picks the protocol, and guards every call with that instance's circuit
 * breaker and bulkhead, the per-call timeout, and retries with exponential backoff and jitter where repeating is safe.
 */
public final class OdooClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OdooClient.class);

    /** Methods that change nothing, so a call that failed as unavailable can simply be sent again. */
    private static final Set<String> READS = Set.of("search", "search_read", "search_count", "read", "fields_get",
            "name_search", "read_group", "check_access_rights", "default_get");

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final OdooConfig config;
    private final ObjectMapper mapper;
    private final WebClient web;
    private final HttpCaller http;
    private final Credentials credentials;
    private final Guard instanceGuard;
    private final Guard retryGuard;
    private final Guard concurrencyRetryGuard;
    private final AtomicReference<OdooVersion> version = new AtomicReference<>();
    private final AtomicReference<OdooTransport> transport = new AtomicReference<>();
    private final OdooCalls calls;
    private final OdooCalls once;

    private OdooClient(Vertx vertx, ObjectMapper mapper, OdooConfig config) {
        this.config = config;
        this.mapper = mapper;
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setMaxPoolSize(Math.max(1, config.bulkhead().limit()))
                .setKeepAlive(true)
                .setFollowRedirects(false));
        this.http = new HttpCaller(web, config);
        this.credentials = new Credentials(config);
        OdooConfig.CircuitBreaker cb = config.circuitBreaker();
        this.instanceGuard = Guard.create()
                .withDescription("odoo " + config.url())
                .withCircuitBreaker()
                .requestVolumeThreshold(cb.requestVolumeThreshold())
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(cb.successThreshold())
                .when(failure -> failure instanceof OdooUnavailableException)
                .onStateChange(state -> LOG.infof("Odoo circuit breaker for %s is now %s", config.url(), state))
                .done()
                .withBulkhead()
                .limit(config.bulkhead().limit())
                .queueSize(config.bulkhead().queueSize())
                .done()
                .build();
        this.retryGuard = retry(config.retry(), OdooClient::retryable);
        this.concurrencyRetryGuard = retry(config.retry(), failure -> failure instanceof OdooConcurrencyException);
        this.calls = new OdooCalls(this::execute, config.pageSize());
        this.once = new OdooCalls(this::executeOnce, config.pageSize());
    }

    /** A client for the Odoo instance {@code config} describes; one per instance, so each has its own circuit breaker. */
    public static OdooClient create(Vertx vertx, ObjectMapper mapper, OdooConfig config) {
        return new OdooClient(vertx, mapper, config);
    }

    private static Guard retry(OdooConfig.Retry retry, Predicate<Throwable> when) {
        return Guard.create()
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(when)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(retry.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .beforeRetry(failure -> LOG.debugf("Retrying an Odoo call after %s", failure.toString()))
                .done()
                .build();
    }

    /** Unavailable (but not an open circuit) and concurrency failures may succeed when repeated. */
    static boolean retryable(Throwable failure) {
        return failure instanceof OdooException odoo && odoo.retryable() && !"circuit-open".equals(odoo.odooName());
    }

    /** The ORM methods, each call retried when that is safe: reads always, writes only after a concurrency error. */
    public OdooCalls calls() {
        return calls;
    }

    /** The ORM methods without per-call retries, for steps of an operation run under {@link #retrying(Supplier)}. */
    public OdooCalls once() {
        return once;
    }

    /**
     * Runs a whole operation again after unavailable or concurrency failures; the operation must be safe to repeat
     * (look up by a unique reference before creating).
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> retrying(Supplier<Uni<T>> operation) {
        return ((Uni<T>) retryGuard.get((Supplier<Uni<Object>>) (Supplier<?>) operation, UNI))
                .onFailure()
                .transform(OdooErrors::fromThrowable);
    }

    /** The base URL of this Odoo instance, as configured. */
    public String url() {
        return config.url();
    }

    /** The database this client works in. */
    public String database() {
        return config.database();
    }

    /** How the typed operations batch their writes ({@code portage.odoo.batch.*}). */
    public OdooConfig.Batch batching() {
        return config.batch();
    }

    /** The server's version, asked once at {@code POST /web/webclient/version_info}. */
    public Uni<OdooVersion> version() {
        OdooVersion known = version.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        String body = new JsonObject().put("jsonrpc", "2.0")
                .put("method", "call")
                .put("params", new JsonObject())
                .put("id", 1)
                .encode();
        Uni<JsonNode> answer = guarded(() -> http.post("/web/webclient/version_info", "application/json",
                Buffer.buffer(body)).map(response -> {
                    try {
                        JsonNode node = mapper.readTree(response.bodyAsString());
                        if (node.hasNonNull("error")) {
                            throw OdooErrors.fromJsonRpc(node.get("error"));
                        }
                        return node.has("result") ? node.get("result") : node;
                    } catch (OdooException e) {
                        throw e;
                    } catch (Exception e) {
                        throw OdooErrors.fromHttpStatus(response.statusCode(), "no version_info answer");
                    }
                }));
        return retryGuardOn(answer).map(result -> {
            String serie = result.path("server_serie").asText("");
            int major = result.path("server_version_info").path(0).asInt(0);
            if (major == 0 && !serie.isEmpty()) {
                major = Integer.parseInt(serie.replaceAll("^\\D*(\\d+).*$", "$1"));
            }
            OdooVersion detected = new OdooVersion(result.path("server_version").asText(serie), serie, major);
            version.compareAndSet(null, detected);
            return detected;
        });
    }

    /** The protocol in use: the configured one, or for {@code auto} JSON-2 on 19+ with an API key, else JSON-RPC. */
    public Uni<Protocol> protocol() {
        return transport().map(OdooTransport::protocol);
    }

    private Uni<OdooTransport> transport() {
        OdooTransport known = transport.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Uni<Protocol> chosen = config.protocol() != Protocol.AUTO
                ? Uni.createFrom().item(config.protocol())
                : version().map(v -> v.hasJson2() && credentials.hasApiKey() ? Protocol.JSON_2 : Protocol.JSON_RPC);
        return chosen.map(protocol -> {
            OdooTransport made = switch (protocol) {
                case XML_RPC -> new XmlRpcTransport(http, credentials, config.database());
                case JSON_2 -> new Json2Transport(http, mapper, credentials, config.database());
                default -> new JsonRpcTransport(http, mapper, credentials, config.database());
            };
            if (transport.compareAndSet(null, made)) {
                LOG.infof("Odoo at %s: speaking %s", config.url(), protocol);
            }
            return transport.get();
        });
    }

    private Uni<JsonNode> execute(String model, String method, List<?> args, Map<String, ?> kwargs) {
        Uni<JsonNode> call = executeOnce(model, method, args, kwargs);
        return READS.contains(method) ? retryGuardOn(call) : concurrencyRetryOn(call);
    }

    private Uni<JsonNode> executeOnce(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return transport().chain(t -> guarded(() -> {
            LOG.debugf("Odoo call %s.%s", model, method);
            return t.executeKw(model, method, args, kwargs);
        }));
    }

    @SuppressWarnings("unchecked")
    private Uni<JsonNode> guarded(Supplier<Uni<JsonNode>> call) {
        Supplier<Uni<Object>> raw = (Supplier<Uni<Object>>) (Supplier<?>) call;
        return ((Uni<JsonNode>) (Uni<?>) instanceGuard.get(raw, UNI)).onFailure().transform(OdooErrors::fromThrowable);
    }

    @SuppressWarnings("unchecked")
    private Uni<JsonNode> retryGuardOn(Uni<JsonNode> call) {
        return ((Uni<JsonNode>) (Uni<?>) retryGuard.get(() -> (Uni<Object>) (Uni<?>) call, UNI))
                .onFailure()
                .transform(OdooErrors::fromThrowable);
    }

    @SuppressWarnings("unchecked")
    private Uni<JsonNode> concurrencyRetryOn(Uni<JsonNode> call) {
        return ((Uni<JsonNode>) (Uni<?>) concurrencyRetryGuard.get(() -> (Uni<Object>) (Uni<?>) call, UNI))
                .onFailure()
                .transform(OdooErrors::fromThrowable);
    }

    @Override
    public void close() {
        web.close();
    }

    @Override
    public String toString() {
        return "OdooClient[" + config.url() + ", db=" + config.database() + ", protocol=" + config.protocol() + "]";
    }
}
