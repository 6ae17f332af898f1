package io.portage.odoo.sync;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs change capture every {@code portage.odoo.sync.interval}, the first time right after start (the master-data
 * cache's full load). A poll still running when the next is due is not doubled; replicas take turns per model through a
 * PostgreSQL advisory lock, and re-reading what another replica applied changes nothing.
 */
@ApplicationScoped
class SyncScheduler {

    private final ChangeCapture capture;
    private final OdooSyncConfig config;

    SyncScheduler(ChangeCapture capture, OdooSyncConfig config) {
        this.capture = capture;
        this.config = config;
    }

    @Scheduled(identity = "odoo-sync", every = "${portage.odoo.sync.interval:30s}", delayed = "${portage.odoo.sync.start-delay:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return config.enabled() ? capture.pollAll().replaceWithVoid() : Uni.createFrom().voidItem();
    }
}
