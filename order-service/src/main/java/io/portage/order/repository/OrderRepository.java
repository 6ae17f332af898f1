package io.portage.order.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.order.domain.Order;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Orders in the {@code orders} schema. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    public Uni<Order> findByChannelAndExternalId(String channel, String externalId) {
        return find("channel = ?1 and externalId = ?2", channel, externalId).firstResult();
    }
}
