package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The carrier reported a problem delivering a shipment ({@code io.portage.shipment.delivery-exception-reported.v1}
 * on {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record DeliveryExceptionReported(
        String shipmentId,
        String trackingNumber,
        ExceptionType exceptionType,
        String carrierCode,
        String description,
        Instant occurredAt) {

    /** Portage's code for the kind of delivery problem; the carrier's own code is in {@code carrierCode}. */
    @RegisterForReflection
    public enum ExceptionType {
        ADDRESS_PROBLEM, RECIPIENT_ABSENT, DAMAGED, LOST, DELAYED, REFUSED, CUSTOMS_HOLD, WEATHER, OTHER
    }
}
