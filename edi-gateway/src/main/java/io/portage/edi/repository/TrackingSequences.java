package io.portage.edi.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The sequence of the events edi-gateway publishes per carrier tracking number ({@code tracking_sequence}). */
@ApplicationScoped
public class TrackingSequences {

    public Uni<Long> next(String carrier, String trackingNumber) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}tracking_sequence as t (carrier, tracking_number, last_value)
                        values (:carrier, :tracking, 1)
                        on conflict (carrier, tracking_number) do update set last_value = t.last_value + 1
                        returning last_value""", Long.class)
                        .setParameter("carrier", carrier)
                        .setParameter("tracking", trackingNumber)
                        .getSingleResult());
    }
}
