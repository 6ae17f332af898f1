package io.portage.edi.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.shipment.CarrierStatusReported;
import io.portage.edi.domain.Partner;
import io.portage.edi.domain.x12.ReceivedInterchange;
import io.portage.edi.domain.x12.ShipmentStatus214;
import io.portage.edi.repository.TrackingSequences;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * An EDI-only carrier's 214 becomes one CarrierStatusReported per status, keyed by the tracking number and numbered per
 * tracking number (1, 2, ...), the carrier named as Portage knows it ({@code mappings.carrier-name}, else the partner id).
 */
@ApplicationScoped
public class CarrierStatuses {

    private final EdiEvents events;
    private final TrackingSequences sequences;

    public CarrierStatuses(EdiEvents events, TrackingSequences sequences) {
        this.events = events;
        this.sequences = sequences;
    }

    public Uni<List<UUID>> received(Partner partner, ReceivedInterchange.TransactionSet set, String correlationId) {
        List<CarrierStatusReported> reports = ShipmentStatus214.read(set, partner.mapping("carrier-name", partner.id()));
        return Multi.createFrom()
                .iterable(reports)
                .onItem()
                .transformToUniAndConcatenate(report -> sequences.next(report.carrier(), report.trackingNumber())
                        .chain(sequence -> events.carrierStatusReported(report, correlationId, sequence)))
                .collect()
                .asList();
    }
}
