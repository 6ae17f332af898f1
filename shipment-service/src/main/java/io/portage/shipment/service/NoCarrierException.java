package io.portage.shipment.service;

import java.util.List;
import java.util.UUID;

/** No carrier quoted or sold a label for a shipment; what each carrier answered is kept. */
public class NoCarrierException extends RuntimeException {

    private final List<CarrierError> errors;

    public NoCarrierException(UUID shipmentId, String what, List<CarrierError> errors) {
        super("No carrier " + what + " for shipment " + shipmentId + (errors.isEmpty()
                ? " (no carrier configured)"
                : ": " + String.join("; ", errors.stream()
                        .map(e -> e.carrier() + " " + e.kind() + " " + e.code() + " " + e.message())
                        .toList())));
        this.errors = List.copyOf(errors);
    }

    public List<CarrierError> errors() {
        return errors;
    }
}
