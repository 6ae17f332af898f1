package io.portage.edge.repository;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.portage.edge.domain.EdgeEvent;
import io.portage.edge.domain.Priority;

/**
 * The writer that {@link KillDuringIngestTest} kills: stores events {@code 0..total-1} (ids {@code UUID(0x5EED, n)})
 * in batches of 100 with a single event after every tenth batch, and prints {@code ACK <last n>} after every commit,
 * as the agent answers a scanner only after its commit.
 */
public final class IngestChild {

    private IngestChild() {
    }

    public static UUID id(long n) {
        return new UUID(0x5EED, n);
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long total = Long.parseLong(args[1]);
        try (EventStore store = EventStore.open(file)) {
            long n = 0;
            int batches = 0;
            while (n < total) {
                int size = ++batches % 10 == 0 ? 1 : 100;
                List<EdgeEvent> events = new ArrayList<>(size);
                for (int i = 0; i < size && n < total; i++, n++) {
                    events.add(new EdgeEvent(id(n), "scan.pick.confirmed", "ORDER-" + (n % 500),
                            Priority.values()[(int) (n % 4)], Instant.now(), Instant.now(),
                            "{\"n\":" + n + ",\"sku\":\"SKU-CHAIR-01\",\"quantity\":2,\"scanner\":\"RF-07\"}"));
                }
                store.store(events);
                System.out.println("ACK " + (n - 1));
                System.out.flush();
            }
        }
        System.out.println("DONE");
    }
}
