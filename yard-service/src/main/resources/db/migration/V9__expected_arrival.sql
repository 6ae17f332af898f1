-- The truck's latest estimated arrival (telematics, a geofence entry, the carrier or the driver), who estimated it and
-- when; at_risk_since is set while that estimate is later than the slot's start plus the site's grace period.
alter table dock_appointment
    add column expected_arrival timestamptz,
    add column eta_source text,
    add column eta_reported_at timestamptz,
    add column at_risk_since timestamptz;
