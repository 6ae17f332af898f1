package io.portage.yard.messaging;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.yard.AppointmentBooked;
import io.portage.kit.messaging.CloudEventMessages;
import io.portage.yard.domain.DockAppointment;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes yard events to {@code portage.yard} as CloudEvents, keyed by appointment id. */
@ApplicationScoped
public class YardEventPublisher {

    static final URI SOURCE = URI.create("urn:portage:yard-service");

    private final MutinyEmitter<AppointmentBooked> emitter;

    public YardEventPublisher(@Channel("yard-out") MutinyEmitter<AppointmentBooked> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> appointmentBooked(DockAppointment appointment) {
        AppointmentBooked data = new AppointmentBooked(appointment.id().toString(), appointment.site(), appointment.dock(),
                appointment.direction().name(), appointment.carrier(), appointment.reference(), appointment.partnerId(),
                appointment.slot().start(), appointment.slot().end(), appointment.bookedAt());
        return emitter.sendMessage(CloudEventMessages.of(EventCatalog.APPOINTMENT_BOOKED_V1, data,
                new CloudEventMessages.Envelope(SOURCE, appointment.id().toString(), appointment.bookedAt(),
                        appointment.correlationId(), appointment.partnerId(), 1L)));
    }
}
