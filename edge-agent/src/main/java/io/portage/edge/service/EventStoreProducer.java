package io.portage.edge.service;

import java.nio.file.Path;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.portage.edge.config.EdgeConfig;
import io.portage.edge.repository.EventStore;

/** Opens the one event store of the process ({@code portage.edge.store-path}) and closes it at shut-down. */
public class EventStoreProducer {

    @Produces
    @Singleton
    EventStore store(EdgeConfig config) {
        return EventStore.open(Path.of(config.storePath()));
    }

    void close(@Disposes EventStore store) {
        store.close();
    }
}
