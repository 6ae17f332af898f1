package io.portage.edge.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import io.portage.edge.repository.EventStore;

/**
 * A backlog of 1,000,000 events (a long outage at a busy site) drains through the forwarder in a JVM whose heap is
 * 32 MB: an agent that read the backlog into memory, rather than a page at a time, would run out of it (the events
 * alone take about 300 MB). The receiver sees every event once and, per key, in arrival order; the heap after GC does
 * not grow as the drain goes on.
 */
class LargeBacklogDrainTest {

    static final int TOTAL = 1_000_000;
    static final int KEYS = 1_000;

    @TempDir
    Path dir;

    @Test
    void aMillionEventBacklogDrainsInASmallHeapOnceAndInOrderPerKey() throws Exception {
        Path file = dir.resolve("backlog.db");
        EventStore.open(file).close();
        fill(file);
        try (EventStore store = EventStore.open(file)) {
            assertThat(store.backlog().pending()).isEqualTo(TOTAL);
        }

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), DrainChild.class.getName(), file.toString(),
                String.valueOf(TOTAL), String.valueOf(KEYS))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Long> heap = new ArrayList<>();
        String drained = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("HEAP ")) {
                    heap.add(Long.parseLong(line.split(" ")[2]));
                } else if (line.startsWith("DRAINED ")) {
                    drained = line;
                }
            }
        }
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as("the drain ran out of its 32 MB heap or failed").isZero();
        assertThat(drained).as("events sent, duplicates, out of order per key").isEqualTo("DRAINED " + TOTAL + " 0 0");
        assertThat(heap).hasSize(10);
        // The heap after GC with 900,000 events still pending is the heap with none: the backlog is not in memory.
        assertThat(heap.get(heap.size() - 1) - heap.get(0)).as("heap growth while draining, MB: %s", heap)
                .isLessThanOrEqualTo(4);
        System.out.printf("drained %,d events in a 32 MB heap; heap after GC every 100,000: %s MB%n", TOTAL, heap);
        try (EventStore store = EventStore.open(file)) {
            assertThat(store.backlog().pending()).isZero();
        }
    }

    /** Writes the backlog in one statement: event {@code n} has key {@code K-(n % 1000)}, one priority per key. */
    private static void fill(Path file) throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into edge_event (id, type, business_key, priority, rank, occurred_at, received_at, payload)
                    with recursive n(i) as (select 0 union all select i + 1 from n where i < %d)
                    select printf('00000000-0000-7000-8000-%%012x', i), 'scan.pick.confirmed', 'K-' || (i %% %d),
                           case i %% 4 when 0 then 'GATE' when 1 then 'DISPATCH' when 2 then 'NORMAL' else 'TELEMETRY' end,
                           i %% 4, '2026-11-23T08:00:00.000000000Z', '2026-11-23T08:00:00.000000000Z',
                           '{"n":' || i || ',"sku":"SKU-CHAIR-01","quantity":2,"scanner":"RF-07"}'
                    from n""".formatted(TOTAL - 1, KEYS));
        }
    }
}
