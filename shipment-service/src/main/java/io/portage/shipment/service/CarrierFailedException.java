package io.portage.shipment.service;

import io.portage.shipment.domain.carrier.CarrierException;

/** A carrier refused or failed an operation on a label it sold (void); its own code and message are kept. */
public class CarrierFailedException extends RuntimeException {

    private final CarrierError error;

    public CarrierFailedException(String what, CarrierException cause) {
        super(cause.carrier() + " did not " + what + ": " + cause.carrierCode() + " " + cause.carrierMessage(), cause);
        this.error = CarrierError.of(cause);
    }

    public CarrierError error() {
        return error;
    }
}
