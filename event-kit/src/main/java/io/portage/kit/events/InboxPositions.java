package io.portage.kit.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The {@code inbox_position} table. */
@ApplicationScoped
public class InboxPositions implements PanacheRepositoryBase<InboxPosition, InboxPosition.Key> {
}
