package io.portage.edi.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * One worker thread per partner for everything that touches its server: a slow server or a huge file holds up that
 * partner alone, and a partner's round is skipped while its previous one is still running.
 */
@ApplicationScoped
public class PartnerWorkers {

    private final Map<String, ExecutorService> workers = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> busy = new ConcurrentHashMap<>();

    /** Runs {@code round} on the partner's worker unless a round of it is running; answers whether it was started. */
    public boolean runIfIdle(String partnerId, Runnable round) {
        AtomicBoolean running = busy.computeIfAbsent(partnerId, id -> new AtomicBoolean());
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        ExecutorService worker = workers.computeIfAbsent(partnerId,
                id -> Executors.newSingleThreadExecutor(Thread.ofVirtual().name("edi-" + id).factory()));
        worker.execute(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                Log.warnf("EDI round for %s failed: %s", partnerId, e.toString());
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    @PreDestroy
    void stop() {
        workers.values().forEach(ExecutorService::shutdownNow);
    }
}
