package io.portage.kit.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The {@code inbox_parked} table. */
@ApplicationScoped
public class ParkedEvents implements PanacheRepositoryBase<ParkedEvent, ParkedEvent.Key> {
}
