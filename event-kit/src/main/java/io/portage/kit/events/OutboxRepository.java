package io.portage.kit.events;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The service's {@code outbox_event} table, as the services write it (the relay reads it over JDBC). */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** The oldest unpublished events, in the order they were written. */
    public Uni<List<OutboxEvent>> unpublished(int limit) {
        return find("publishedAt is null order by id").page(0, limit).list();
    }
}
