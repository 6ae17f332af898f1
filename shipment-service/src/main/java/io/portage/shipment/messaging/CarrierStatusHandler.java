package io.portage.shipment.messaging;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.shipment.CarrierStatusReported;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.shipment.domain.carrier.TrackingScan;
import io.portage.shipment.service.TrackingService;
import io.smallrye.mutiny.Uni;

/**
 * Consumer {@value #CONSUMER} of {@code portage.shipments}: each CarrierStatusReported (an EDI-only carrier's X12 214,
 * relayed by edi-gateway) recorded as a scan of its carrier and tracking number, as a poll or webhook would be (other
 * types: nothing). Unordered: tracking keeps late scans out of the status and recognises the same scan twice.
 */
@Singleton
public class CarrierStatusHandler extends OneTypeHandler<CarrierStatusReported, CarrierStatusHandler.Status> {

    public static final String CONSUMER = "shipment-service.carrier-status";

    /** One reported status: the event, whose tracker, and the scan it is. */
    public record Status(String eventId, String carrier, String trackingNumber, TrackingScan scan) {
    }

    private final TrackingService tracking;
    private final MeterRegistry registry;

    public CarrierStatusHandler(TrackingService tracking, ObjectMapper json, MeterRegistry registry) {
        super(CONSUMER, EventCatalog.CARRIER_STATUS_REPORTED_V1, CarrierStatusReported.class, json);
        this.tracking = tracking;
        this.registry = registry;
    }

    @Override
    protected Status item(SequencedEvent event, CarrierStatusReported reported) {
        String missing = blank(reported.trackingNumber())
                ? "trackingNumber"
                : blank(reported.carrier())
                        ? "carrier"
                        : blank(reported.statusCode()) ? "statusCode" : reported.statusAt() == null ? "statusAt" : null;
        if (missing != null) {
            throw new IllegalArgumentException("CarrierStatusReported without " + missing);
        }
        return new Status(event.eventId(), reported.carrier(), reported.trackingNumber(), scan(reported));
    }

    /**
     * The X12 status code as the raw code; the reason code (AT7-02) and the state kept in the message; the time to the
     * microsecond PostgreSQL keeps, so the stored scan is recognised as this one.
     */
    static TrackingScan scan(CarrierStatusReported reported) {
        StringBuilder message = new StringBuilder("X12 214 ").append(reported.statusCode());
        if (!blank(reported.reasonCode())) {
            message.append(" reason ").append(reported.reasonCode());
        }
        if (!blank(reported.state())) {
            message.append(" (").append(reported.state()).append(')');
        }
        return new TrackingScan(reported.statusCode(), message.toString(),
                reported.statusAt().truncatedTo(ChronoUnit.MICROS), reported.city(), reported.country(), null);
    }

    @Override
    public String inboxKey(Status status) {
        return status.eventId();
    }

    @Override
    public Uni<Applied<Status>> apply(List<Status> fresh) {
        Map<TrackingService.TrackingNumber, List<TrackingScan>> byNumber = new LinkedHashMap<>();
        for (Status status : fresh) {
            byNumber.computeIfAbsent(new TrackingService.TrackingNumber(status.carrier(), status.trackingNumber()),
                    key -> new ArrayList<>()).add(status.scan());
        }
        return tracking.recordAll(byNumber, TrackingService.Source.EDI).invoke(this::count).map(Applied::all);
    }

    /** {@code portage_tracking_scans_total{source="EDI",outcome}}: applied, late, duplicate, unmatched. */
    private void count(TrackingService.Recorded recorded) {
        counter("applied").increment(recorded.applied());
        counter("late").increment(recorded.late());
        counter("duplicate").increment(recorded.duplicates());
        counter("unmatched").increment(recorded.unmatched());
    }

    private Counter counter(String outcome) {
        return registry.counter("portage.tracking.scans", "source", TrackingService.Source.EDI.name(), "outcome", outcome);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
