package io.portage.yard.service;

import java.time.Clock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.IdempotencyRecord;
import io.portage.yard.repository.AppointmentRepository;
import io.portage.yard.repository.IdempotencyRepository;
import io.portage.yard.service.AppointmentService.Booked;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Honours an Idempotency-Key on booking, rescheduling and cancelling: the first call with a key is made and remembered
 * (per caller) with its request's fingerprint; the same request again answers the same appointment with the same
 * outcome (created or not) without doing anything; another request with the key is refused. A call that failed is not
 * remembered, so the caller may send it again.
 */
@ApplicationScoped
public class IdempotentCalls {

    private final IdempotencyRepository records;
    private final AppointmentRepository appointments;
    private final Clock clock = Clock.systemUTC();

    public IdempotentCalls(IdempotencyRepository records, AppointmentRepository appointments) {
        this.records = records;
        this.appointments = appointments;
    }

    /** Runs {@code call} once per {@code caller} and {@code key} (no key: every time). */
    public Uni<Booked> once(String caller, String key, String fingerprint, Supplier<Uni<Booked>> call) {
        if (key == null) {
            return call.get();
        }
        String id = IdempotencyRecord.id(caller, key);
        return Panache.withSession(() -> records.findById(id))
                .chain(found -> found != null
                        ? replay(found, fingerprint)
                        : call.get()
                                .chain(answer -> Panache.withTransaction(() -> records.persist(new IdempotencyRecord(caller,
                                        key, fingerprint, answer.appointment().id(), answer.created(), clock.instant())))
                                        .replaceWith(answer)
                                        // A concurrent call with the same key remembered its answer first: answer as it did.
                                        .onFailure(IdempotentCalls::duplicateKey)
                                        .recoverWithUni(() -> Panache.withSession(() -> records.findById(id))
                                                .chain(stored -> replay(stored, fingerprint)))));
    }

    private Uni<Booked> replay(IdempotencyRecord record, String fingerprint) {
        if (!record.fingerprint().equals(fingerprint)) {
            return Uni.createFrom().failure(new IdempotencyKeyReusedException());
        }
        return Panache.withSession(() -> appointments.findById(record.appointmentId()))
                .map(appointment -> new Booked(appointment, record.created()));
    }

    private static boolean duplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("idempotency_record_pkey")) {
                return true;
            }
        }
        return false;
    }
}
