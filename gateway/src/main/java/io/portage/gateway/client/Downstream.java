package io.portage.gateway.client;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.Response;

import io.portage.gateway.config.DownstreamConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * One service behind the gateway: its clients (one per API it offers, all to its URL with its timeouts; their GETs over
 * pooled Vert.x HTTP clients, one per event loop, see {@link DirectReads}) and its one guard (timeout and circuit breaker), which every
 * route reaching the service goes through. Answers come back as the
 * service gave them; a 5xx counts as a failure for the breaker and a retry, a 4xx is the caller's answer.
 */
public final class Downstream {

    /** Connections kept to the service for reads off the event loops (the REST client's default pool size). */
    private static final int POOL_SIZE = 50;
    /** Connections kept to the service for reads per event loop. */
    private static final int LOOP_POOL_SIZE = 20;

    private final String name;
    private final DownstreamConfig.Downstream config;
    private final TypedGuard<Uni<Response>> guard;
    private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final HttpClient shared;
    private final Map<Thread, HttpClient> perEventLoop = new ConcurrentHashMap<>();

    Downstream(String name, DownstreamConfig.Downstream config, Vertx vertx) {
        this.name = name;
        this.config = config;
        this.vertx = vertx;
        this.shared = client(POOL_SIZE);
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Response>>() {
        })
                .withTimeout()
                .duration(config.timeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(config.breaker().requestVolume())
                .failureRatio(config.breaker().failureRatio())
                .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .done()
                // The calls are non-blocking: run on the caller's event loop, not handed to another thread.
                .withThreadOffload(false)
                .build();
    }

    public String name() {
        return name;
    }

    public int readRetries() {
        return config.readRetries();
    }

    /** Calls one of the service's APIs through the guard; fails with {@link DownstreamUnavailableException} on a 5xx. */
    public <A> Uni<Response> call(Class<A> api, Function<A, Uni<Response>> call) {
        A client = api(api);
        try {
            return guard.call(() -> call.apply(client).map(response -> {
                if (response.getStatus() >= 500) {
                    throw new DownstreamUnavailableException(name + " answered " + response.getStatus());
                }
                return response;
            }));
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    /**
     * The HTTP client for the calling thread: on an event loop, its own (created there, so its connections live on the
     * same loop as the request being relayed and no answer crosses threads); elsewhere, the shared one.
     */
    private HttpClient http() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        return perEventLoop.computeIfAbsent(Thread.currentThread(), loop -> client(LOOP_POOL_SIZE));
    }

    private HttpClient client(int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setName("downstream-" + name)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    }

    private <A> A api(Class<A> api) {
        return api.cast(apis.computeIfAbsent(api, this::client));
    }

    private <A> A client(Class<A> api) {
        URI url = URI.create(config.url());
        A rest = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(api);
        return DirectReads.over(api, rest, this::http, url, config.timeout().toMillis());
    }
}
