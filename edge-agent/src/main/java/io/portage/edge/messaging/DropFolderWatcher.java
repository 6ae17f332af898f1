package io.portage.edge.messaging;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.edge.config.EdgeConfig;
import io.portage.edge.service.EdgeIntakeService;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Watches {@code portage.edge.drop.folder} for legacy WMS CSV files ({@code id,type,key,priority,occurredAt,payload}):
 * takes a file only once it is complete (its {@code <name>.done} marker exists, or in {@code rename} mode once it
 * carries the {@code .csv} name), stores its valid lines, writes invalid ones to a {@code .rejected} report and moves
 * the file to {@code archive/} once every line is stored. Lines are read and stored a chunk at a time
 * ({@code portage.edge.drop.lines-per-transaction}, 2,000 by default), so a
 * file of any size takes bounded memory; a file left midway (store full, agent stopped) is read again from the start
 * at the next poll, and its lines stored before count as duplicates: explicit ids, or ids derived from file name,
 * line number and text.
 */
@ApplicationScoped
public class DropFolderWatcher {

    static final List<String> HEADER = List.of("id", "type", "key", "priority", "occurredat", "payload");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final EdgeIntakeService intake;
    private final EdgeConfig config;
    private final ObjectMapper json;
    private final Counter files;
    private final Counter rejectedLines;
    private ScheduledExecutorService poller;

    public DropFolderWatcher(EdgeIntakeService intake, EdgeConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.intake = intake;
        this.config = config;
        this.json = json;
        this.files = metrics.counter("portage.edge.drop.files");
        this.rejectedLines = metrics.counter("portage.edge.drop.rejected.lines");
    }

    void start(@Observes StartupEvent event) throws IOException {
        if (!config.drop().enabled()) {
            return;
        }
        Files.createDirectories(folder().resolve("archive"));
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("edge-drop-folder").daemon().factory());
        long every = config.drop().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
        Log.infof("Watching %s for WMS CSV files (complete when: %s)", folder().toAbsolutePath(),
                config.drop().completeWhen());
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private Path folder() {
        return Path.of(config.drop().folder());
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException | IOException e) {
            Log.errorf(e, "Drop folder poll failed; next poll in %s", config.drop().pollInterval());
        }
    }

    /** One look at the folder: every complete CSV file is ingested, oldest name first. */
    public void poll() throws IOException {
        List<Path> ready = new ArrayList<>();
        boolean markerMode = !"rename".equalsIgnoreCase(config.drop().completeWhen());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder(), "*.csv")) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                if (!markerMode || Files.exists(marker(file))) {
                    ready.add(file);
                }
            }
        }
        ready.sort(null);
        for (Path file : ready) {
            ingest(file);
        }
    }

    private static Path marker(Path file) {
        return file.resolveSibling(file.getFileName() + ".done");
    }

    private void ingest(Path file) throws IOException {
        String name = file.getFileName().toString();
        String stamped = STAMP.format(Instant.now()) + "-" + name;
        Path archive = folder().resolve("archive");
        Path report = archive.resolve(stamped + ".rejected");
        int chunkSize = config.drop().linesPerTransaction();
        List<EdgeIntakeService.Incoming> chunk = new ArrayList<>(chunkSize);
        long valid = 0;
        long rejected = 0;
        boolean complete = false;
        BufferedWriter rejections = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            List<String> columns = header == null
                    ? List.of()
                    : CsvLine.split(header.strip()).stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            if (!HEADER.equals(columns)) {
                rejections = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
                rejections.write("1: the header must be id,type,key,priority,occurredAt,payload; the file was not read\n");
                rejected++;
            } else {
                String line;
                long number = 1;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        List<String> fields = CsvLine.split(line);
                        if (fields.size() != HEADER.size()) {
                            throw new IllegalArgumentException("has " + fields.size() + " fields, not 6");
                        }
                        String id = fields.get(0).isBlank() ? InputEvents.derivedId(name, number, line) : fields.get(0);
                        chunk.add(InputEvents.of(json, id, fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                                fields.get(5), config.maxPayloadBytes()));
                    } catch (IllegalArgumentException e) {
                        if (rejections == null) {
                            rejections = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
                        }
                        rejections.write(number + ": " + e.getMessage() + ": " + line + "\n");
                        rejected++;
                    }
                    if (chunk.size() == chunkSize) {
                        if (!store(name, chunk)) {
                            return;
                        }
                        valid += chunk.size();
                        chunk.clear();
                    }
                }
                if (!chunk.isEmpty()) {
                    if (!store(name, chunk)) {
                        return;
                    }
                    valid += chunk.size();
                }
            }
            complete = true;
        } finally {
            if (rejections != null) {
                rejections.close();
                if (!complete) {
                    Files.deleteIfExists(report);
                }
            }
        }
        if (rejected > 0) {
            rejectedLines.increment(rejected);
        }
        Files.move(file, archive.resolve(stamped), StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(marker(file));
        files.increment();
        Log.infof("Drop file %s: %d events stored, %d lines rejected%s; archived as %s", name, valid, rejected,
                rejected == 0 ? "" : " (see " + stamped + ".rejected)", stamped);
    }

    /** Stores one chunk of a file; {@code false} when the store refused it and the file must wait for the next poll. */
    private boolean store(String name, List<EdgeIntakeService.Incoming> chunk) {
        try {
            intake.take(chunk, "line %d ");
            return true;
        } catch (ProblemException e) {
            Log.warnf("Drop file %s not completed (%d %s); it stays for the next poll, where its lines stored so far"
                    + " count as duplicates", name, e.status(), e.getMessage());
            return false;
        }
    }
}
