package io.portage.edi.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edi.client.SftpTransport;
import io.portage.edi.domain.CircuitBreaker;
import io.portage.edi.domain.Partner;
import io.quarkus.logging.Log;

/**
 * The one way to reach a partner's SFTP server: each call gets the partner's attempts with doubling backoff, behind a
 * circuit breaker per server ({@code host:port}), so a server that is down costs one refusal, not a retry storm.
 * Blocking: called on the partner's own worker ({@link PartnerWorkers}), never on an event loop.
 */
@ApplicationScoped
public class TransportGuard {

    private final SftpTransport transport;
    private final MeterRegistry metrics;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public TransportGuard(SftpTransport transport, MeterRegistry metrics) {
        this.transport = transport;
        this.metrics = metrics;
    }

    /** Work on one open connection. */
    @FunctionalInterface
    public interface Work<T> {

        T run(SftpTransport.Connection connection) throws IOException;
    }

    /**
     * Runs {@code work} on a connection to the partner's server, retried on I/O failures.
     *
     * @throws PartnerUnavailableException when the breaker is open or every attempt failed
     */
    public <T> T call(Partner partner, Work<T> work) {
        Partner.SftpEndpoint endpoint = partner.sftp();
        Partner.TransportPolicy policy = partner.transport();
        CircuitBreaker breaker = breakers.computeIfAbsent(endpoint.server(),
                server -> new CircuitBreaker(policy.breakerFailures(), policy.breakerOpenFor()));
        Exception last = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (!breaker.allows(clock.instant())) {
                throw new PartnerUnavailableException(partner.id(), endpoint.server()
                        + " is failing: its circuit breaker is open until " + breaker.opensAgainAt(), last);
            }
            try (SftpTransport.Connection connection = transport.open(endpoint)) {
                T result = work.run(connection);
                breaker.succeeded();
                return result;
            } catch (SftpTransport.FileTooLargeException e) {
                breaker.succeeded();
                throw new PartnerUnavailableException(partner.id(), e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                last = e;
                breaker.failed(clock.instant());
                metrics.counter("portage.edi.transport.failures", "partner", partner.id()).increment();
                Log.debugf("SFTP to %s (%s) failed, attempt %d of %d: %s", partner.id(), endpoint.server(), attempt,
                        policy.attempts(), e.toString());
                if (attempt < policy.attempts()) {
                    pause(policy.backoff().multipliedBy(1L << (attempt - 1)));
                }
            }
        }
        throw new PartnerUnavailableException(partner.id(),
                endpoint.server() + " failed " + policy.attempts() + " times: " + last, last);
    }

    /** Where the partner's server's breaker stands. */
    public CircuitBreaker.State breaker(Partner partner) {
        CircuitBreaker breaker = breakers.get(partner.sftp().server());
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.state(clock.instant());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailableException("-", "interrupted while backing off", e);
        }
    }
}
