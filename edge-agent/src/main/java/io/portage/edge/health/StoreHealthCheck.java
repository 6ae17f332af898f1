package io.portage.edge.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.portage.edge.service.EdgeIntakeService;

/** Ready only while the local event store answers: without it no event may be acknowledged. */
@Readiness
public class StoreHealthCheck implements HealthCheck {

    private final EdgeIntakeService intake;

    public StoreHealthCheck(EdgeIntakeService intake) {
        this.intake = intake;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-store").status(intake.storeIsHealthy()).build();
    }
}
