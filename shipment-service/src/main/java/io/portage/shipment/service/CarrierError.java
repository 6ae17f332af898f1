package io.portage.shipment.service;

import io.portage.shipment.domain.carrier.CarrierException;

/** What one carrier answered instead of a rate or a label: its name, the kind of failure, its own code and message. */
public record CarrierError(String carrier, String kind, String code, String message) {

    static CarrierError of(CarrierException e) {
        return new CarrierError(e.carrier(), e.kind().name(), e.carrierCode(), e.carrierMessage());
    }

    /** A carrier passed over by its own rules, not called. */
    static CarrierError skipped(String carrier, String why) {
        return new CarrierError(carrier, "SKIPPED", "rules", why);
    }
}
