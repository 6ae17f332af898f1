package io.portage.shipment.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.kit.ops.ExceptionItem;
import io.portage.kit.ops.ExceptionRetrier;
import io.portage.shipment.repository.HandOverRepository;
import io.smallrye.mutiny.Uni;

/** Retrying a {@value OdooHandOverWorker#HAND_OVER_FAILED} item queues its write into Odoo again, attempts from zero. */
@ApplicationScoped
public class HandOverRetrier implements ExceptionRetrier {

    private final HandOverRepository handOvers;
    private final Clock clock = Clock.systemUTC();

    public HandOverRetrier(HandOverRepository handOvers) {
        this.handOvers = handOvers;
    }

    @Override
    public String type() {
        return OdooHandOverWorker.HAND_OVER_FAILED;
    }

    @Override
    public Uni<Void> retry(ExceptionItem item) {
        return handOvers.findById(UUID.fromString(item.businessKey()))
                .invoke(handOver -> {
                    if (handOver != null) {
                        handOver.requeue(clock.instant());
                    }
                })
                .replaceWithVoid();
    }
}
