package io.portage.edge.rest;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edge.config.EdgeConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the heap of a small agent safe from its own clients: the event intake reads at most
 * {@code portage.edge.intake.max-bytes-in-flight} of request bodies at once. A request that would go over is answered
 * 503 with {@code Retry-After} before its body is read, so nothing of it is stored and the scanner or WMS sends it
 * again; without this, a few large batches arriving together ran the agent out of heap (500 answers). A request alone
 * always gets in: the body limit ({@code quarkus.http.limits.max-body-size}) caps it.
 */
@ApplicationScoped
public class IntakeBudget {

    private final long budget;
    private final long maxBody;
    private final ObjectMapper json;
    private final Counter busy;
    private final AtomicLong inFlight = new AtomicLong();

    public IntakeBudget(EdgeConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            ObjectMapper json, MeterRegistry metrics) {
        this.budget = config.intake().maxBytesInFlight().asLongValue();
        this.maxBody = maxBody.asLongValue();
        this.json = json;
        this.busy = metrics.counter("portage.edge.intake.busy");
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/api/v1/events*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? maxBody : Math.min(Math.max(0, Long.parseLong(length.strip())), maxBody);
        } catch (NumberFormatException e) {
            bytes = maxBody;
        }
        if (!tryAcquire(bytes)) {
            busy.increment();
            refuse(context);
            return;
        }
        long held = bytes;
        context.addEndHandler(ended -> inFlight.addAndGet(-held));
        context.next();
    }

    private boolean tryAcquire(long bytes) {
        while (true) {
            long current = inFlight.get();
            if (current > 0 && current + bytes > budget) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    private void refuse(RoutingContext context) {
        RouteProblems.send(context, json, 503, "intake-busy", "Intake busy",
                "The agent is reading " + inFlight.get() + " bytes of other requests; nothing of this one was stored."
                        + " Send it again after Retry-After seconds.",
                Map.of("Retry-After", "1", HttpHeaders.CONNECTION.toString(), "close"));
    }
}
