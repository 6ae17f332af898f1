package io.portage.shipment.client;

import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import io.portage.shipment.config.CarrierConfig;
import io.portage.shipment.domain.carrier.CarrierException;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/**
 * One carrier's HTTP calls behind its own guards: a timeout per call, a circuit breaker and a pace (at most
 * {@code calls-per-second}, later calls wait for the next second); reads
 * retried with exponential backoff after a timeout, 5xx or refused connection, writes only after a refused connection
 * (a label bought twice costs money); a 429 waits the carrier's Retry-After (up to the configured longest) and is sent
 * again. Every failure leaves as a {@link CarrierException} with the carrier's own code and message.
 */
final class CarrierHttp {

    private static final Logger LOG = Logger.getLogger(CarrierHttp.class);
    private static final TypeLiteral<Uni<HttpResponse<Buffer>>> UNI = new TypeLiteral<>() {
    };

    private final String carrier;
    private final CarrierConfig.Carrier config;
    private final Guard reads;
    private final Guard writes;
    private final Pace pace;

    CarrierHttp(String carrier, CarrierConfig.Carrier config) {
        this.carrier = carrier;
        this.config = config;
        this.reads = guard(true);
        this.writes = guard(false);
        this.pace = new Pace(config.callsPerSecond());
    }

    private Guard guard(boolean read) {
        CarrierConfig.Breaker breaker = config.breaker();
        return Guard.create()
                .withDescription("carrier " + carrier + (read ? " reads" : " writes"))
                .withRetry()
                .maxRetries(config.retries())
                .delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(config.retryDelay().toMillis() / 2, ChronoUnit.MILLIS)
                .whenException(failure -> read ? retryableRead(failure) : failure instanceof ConnectException)
                .withExponentialBackoff()
                .factor(2)
                .done()
                .beforeRetry(failure -> LOG.debugf("Retrying a call to carrier %s after %s", carrier, failure.toString()))
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .when(CarrierHttp::unavailable)
                .onStateChange(state -> LOG.infof("Circuit breaker of carrier %s is now %s", carrier, state))
                .done()
                .withTimeout()
                .duration(config.timeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withThreadOffload(false)
                .build();
    }

    private static boolean retryableRead(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof TimeoutException
                || failure instanceof CarrierException e && e.kind() == CarrierException.Kind.UNAVAILABLE;
    }

    private static boolean unavailable(Throwable failure) {
        return !(failure instanceof CarrierException e) || e.kind() == CarrierException.Kind.UNAVAILABLE;
    }

    /**
     * Sends a request (built anew for each attempt) and answers its response when 2xx; a 4xx is refused and a 5xx
     * unavailable, each read by {@code error} into the carrier's code and message.
     */
    Uni<HttpResponse<Buffer>> send(boolean read, Supplier<Uni<HttpResponse<Buffer>>> request,
            Function<HttpResponse<Buffer>, CarrierException> error) {
        Duration wait = pace.admit();
        Uni<HttpResponse<Buffer>> sent = send(read, request, error, config.retries());
        return wait.isZero() ? sent : Uni.createFrom().voidItem().onItem().delayIt().by(wait).chain(() -> sent);
    }

    private Uni<HttpResponse<Buffer>> send(boolean read, Supplier<Uni<HttpResponse<Buffer>>> request,
            Function<HttpResponse<Buffer>, CarrierException> error, int throttledRetries) {
        Supplier<Uni<HttpResponse<Buffer>>> attempt = () -> request.get().map(response -> {
            int status = response.statusCode();
            if (status == 429) {
                throw new Throttled(carrier, retryAfter(response.getHeader("Retry-After")), error.apply(response));
            }
            if (status >= 400) {
                throw error.apply(response);
            }
            return response;
        });
        Uni<HttpResponse<Buffer>> guarded;
        try {
            guarded = (read ? reads : writes).get(attempt, UNI);
        } catch (Exception e) {
            guarded = Uni.createFrom().failure(e);
        }
        return guarded.onFailure(Throttled.class).recoverWithUni(failure -> {
            Throttled throttled = (Throttled) failure;
            if (throttledRetries <= 0 || throttled.retryAfter.compareTo(config.maxRetryAfter()) > 0) {
                return Uni.createFrom().failure(throttled);
            }
            LOG.debugf("Carrier %s throttled a call, waiting %s as it asked", carrier, throttled.retryAfter);
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(throttled.retryAfter)
                    .chain(() -> send(read, request, error, throttledRetries - 1));
        }).onFailure(failure -> !(failure instanceof CarrierException)).transform(this::asCarrierFailure);
    }

    private CarrierException asCarrierFailure(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new CarrierException(carrier, CarrierException.Kind.UNAVAILABLE, "circuit-open",
                    "not called: too many recent failures");
        }
        if (failure instanceof TimeoutException) {
            return new CarrierException(carrier, CarrierException.Kind.UNAVAILABLE, "timeout",
                    "no answer within " + config.timeout().toMillis() + " ms");
        }
        return new CarrierException(carrier, CarrierException.Kind.UNAVAILABLE, "connection",
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /** The kind of a carrier's error answer by its status: 5xx unavailable, 429 throttled, other 4xx refused. */
    static CarrierException.Kind kindOf(int status) {
        return status >= 500
                ? CarrierException.Kind.UNAVAILABLE
                : status == 429 ? CarrierException.Kind.THROTTLED : CarrierException.Kind.REFUSED;
    }

    /** Retry-After in seconds or as an HTTP date; none or unreadable: one second. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    /** At most {@code limit} calls start in one second; the ones over it wait for the next second. */
    static final class Pace {

        private static final long SECOND = 1_000_000_000L;
        private final int limit;
        private long windowStart = System.nanoTime();
        private int started;

        Pace(int limit) {
            this.limit = Math.max(1, limit);
        }

        synchronized Duration admit() {
            long now = System.nanoTime();
            if (now - windowStart >= SECOND) {
                windowStart = now;
                started = 0;
            }
            if (started < limit) {
                started++;
                return Duration.ZERO;
            }
            windowStart += SECOND;
            started = 1;
            return Duration.ofNanos(Math.max(0, windowStart - now));
        }
    }

    /** A 429: how long the carrier asked to wait, and its own code and message. */
    static final class Throttled extends CarrierException {

        final Duration retryAfter;

        Throttled(String carrier, Duration retryAfter, CarrierException said) {
            super(carrier, Kind.THROTTLED, said.carrierCode(), said.carrierMessage());
            this.retryAfter = retryAfter;
        }
    }
}
