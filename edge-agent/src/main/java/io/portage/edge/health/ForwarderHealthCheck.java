package io.portage.edge.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.portage.edge.service.ForwardingService;

/**
 * Alive while the forwarding thread runs (or forwarding is off). A dead uplink is reported as data, not as DOWN: the
 * agent keeps taking events, and restarting it would not bring the uplink back.
 */
@Liveness
public class ForwarderHealthCheck implements HealthCheck {

    private final ForwardingService forwarding;

    public ForwarderHealthCheck(ForwardingService forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public HealthCheckResponse call() {
        ForwardingService.State state = forwarding.state();
        return HealthCheckResponse.named("forwarder")
                .status(forwarding.isRunning())
                .withData("enabled", state.enabled())
                .withData("uplinkUp", state.uplinkUp())
                .withData("consecutiveFailures", state.consecutiveFailures())
                .build();
    }
}
