package io.portage.yard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.portage.kit.ops.Backlog;

/**
 * Yard-service's backlog that costs money ({@code GET /ops/backlogs}): appointments whose truck is reported late
 * (at risk of missing their slot, the door standing idle or the next booking slipping), by the appointment's reference.
 */
@ApplicationScoped
public class YardBacklogs {

    @Produces
    @Singleton
    Backlog appointmentsAtRisk() {
        return Backlog.of("appointments-at-risk", "Appointments at risk (truck reported late)", "warehouse",
                "appointment", """
                        select a.reference, a.at_risk_since,
                               a.site || ' door ' || a.door || ', ' || a.carrier || ', slot '
                               || to_char(a.slot_start at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
                               || coalesce(', expected ' || to_char(a.expected_arrival at time zone 'UTC',
                                  'YYYY-MM-DD HH24:MI') || ' UTC', '')
                        from {h-schema}dock_appointment a
                        where a.at_risk_since is not null and a.status in ('REQUESTED', 'SCHEDULED')""");
    }
}
