package io.portage.edge.rest;

import java.time.Instant;
import java.util.Map;

import io.portage.edge.domain.Priority;
import io.portage.edge.service.ForwardingService;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of {@code GET /}: the backlog, the uplink, what was shed or refused since start and the dead letters,
 * what an operator at the warehouse looks at first.
 */
@RegisterForReflection
public record StatusView(BacklogView backlog, Forwarding forwarding, Map<Priority, Long> shedSinceStart,
        Map<Priority, Long> refusedSinceStart, long deadLetters) {

    /** The forwarder: whether the uplink answers, the last successful forward, the rate over the last minute. */
    @RegisterForReflection
    public record Forwarding(boolean enabled, boolean uplinkUp, int consecutiveFailures, Instant lastSuccess,
            Long lastSuccessAgeSeconds, Instant nextAttempt, String lastError, double eventsPerSecond,
            long forwardedSinceStart) {

        static Forwarding of(ForwardingService.State state, Instant now) {
            return new Forwarding(state.enabled(), state.uplinkUp(), state.consecutiveFailures(), state.lastSuccess(),
                    state.lastSuccess() == null ? null : now.getEpochSecond() - state.lastSuccess().getEpochSecond(),
                    state.nextAttempt(), state.lastError(), state.eventsPerSecond(), state.forwardedTotal());
        }
    }
}
