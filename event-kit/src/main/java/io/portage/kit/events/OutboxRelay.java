package io.portage.kit.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka in the order it was written, as CloudEvents in binary mode keyed by subject. The relay
 * is one background thread with one JDBC connection that holds a PostgreSQL advisory lock, so only one instance of a
 * service relays at a time (the lock goes with the connection if the instance dies); each batch is one transaction
 * in which only the events Kafka acknowledged are marked published. When Kafka is away the relay
 * backs off (exponentially, with jitter) and resumes where it stopped: an event can be published twice (after a
 * crash between the acknowledgement and the commit), never lost; consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key shared by every instance of one service (each service has its own database). */
    static final long RELAY_LOCK = 0x706f72746167654cL;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final EventTracing tracing;
    private final String bootstrapServers;
    private final String schema;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private final Object wakeUp = new Object();
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry metrics, EventTracing tracing,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.dataSource = dataSource;
        this.tracing = tracing;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.schema = schema;
        this.published = metrics.counter("portage.outbox.published");
        this.failures = metrics.counter("portage.outbox.publish.failures");
        metrics.gauge("portage.outbox.pending", pending);
        metrics.gauge("portage.outbox.lag.seconds", lagMillis, millis -> millis.get() / 1000.0);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            Log.info("Outbox relay disabled on this instance (portage.outbox.relay-enabled=false)");
            return;
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"), new StringSerializer(), new ByteArraySerializer());
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    /**
     * Lets the batch in hand finish (Kafka's acknowledgements and the commit that stamps them), so a clean shutdown
     * does not send it again after the restart; only a worker still busy after 5 s is interrupted.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
            try {
                thread.join(Duration.ofSeconds(5));
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Holds one connection (and with it the relay lock) while it works; reconnects after database failures. */
    private void loop() {
        Duration backoff = config.initialBackoff();
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setSchema(schema);
                connection.setAutoCommit(true);
                if (!acquireLock(connection)) {
                    sleep(Duration.ofSeconds(1)); // another instance relays; wait for its lock to free up
                    continue;
                }
                connection.setAutoCommit(false);
                long lastGauges = 0;
                while (running) {
                    Batch batch = relayBatch(connection);
                    published.increment(batch.published());
                    if (System.nanoTime() - lastGauges > 1_000_000_000L) {
                        updateGauges(connection);
                        lastGauges = System.nanoTime();
                    }
                    if (batch.failure() != null) {
                        failures.increment();
                        long pause = jittered(backoff);
                        Log.warnf("Outbox relay: %d of %d events published; %s. Retrying in %d ms", batch.published(),
                                batch.read(), batch.failure().getMessage(), pause);
                        sleep(Duration.ofMillis(pause));
                        backoff = doubled(backoff);
                        continue;
                    }
                    backoff = config.initialBackoff();
                    if (batch.read() < config.batchSize()) {
                        sleep(config.pollInterval());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                long pause = jittered(backoff);
                Log.warnf("Outbox relay: database failure (%s); reconnecting in %d ms", e.getMessage(), pause);
                try {
                    sleep(Duration.ofMillis(pause));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = doubled(backoff);
            }
        }
    }

    private static boolean acquireLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet locked = statement.executeQuery("select pg_try_advisory_lock(" + RELAY_LOCK + ")")) {
            return locked.next() && locked.getBoolean(1);
        }
    }

    /** How one transaction went: events read, events acknowledged and marked, the failure that stopped it if any. */
    record Batch(int read, int published, Exception failure) {
    }

    private Batch relayBatch(Connection connection) throws SQLException, InterruptedException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, type, topic, source, subject, sequence, correlation_id, partner_id, occurred_at, payload,
                       trace_parent, trace_state
                from outbox_event where published_at is null order by id limit ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getString(6), result.getLong(7), result.getString(8),
                            result.getString(9), result.getTimestamp(10).toInstant(), result.getString(11),
                            traceContext(result.getString(12), result.getString(13))));
                }
            }
        }
        if (rows.isEmpty()) {
            connection.commit();
            return new Batch(0, 0, null);
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        List<EventTracing.Publishing> spans = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            EventTracing.Publishing span = tracing.publishing(row.topic(), row.eventId(), row.type(), row.subject(),
                    row.correlationId(), row.stagedIn());
            spans.add(span);
            try {
                sends.add(producer.send(record(row, span.headers())));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        int acknowledged = 0;
        Exception failure = null;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
                spans.get(acknowledged).sent();
                acknowledged++;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            }
        }
        for (EventTracing.Publishing unsent : spans.subList(acknowledged, spans.size())) {
            unsent.failed(failure);
        }
        Long[] done = rows.subList(0, acknowledged).stream().map(OutboxRow::id).toArray(Long[]::new);
        Long[] retry = rows.subList(acknowledged, rows.size()).stream().map(OutboxRow::id).toArray(Long[]::new);
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_event set published_at = now() where id = any(?)");
                PreparedStatement attempt = connection.prepareStatement(
                        "update outbox_event set attempts = attempts + 1 where id = any(?)")) {
            mark.setArray(1, connection.createArrayOf("bigint", done));
            mark.executeUpdate();
            attempt.setArray(1, connection.createArrayOf("bigint", retry));
            attempt.executeUpdate();
        }
        connection.commit();
        return new Batch(rows.size(), acknowledged, failure);
    }

    /** One unpublished row, as the relay reads it. */
    private record OutboxRow(long id, String eventId, String type, String topic, String source, String subject, long sequence,
            String correlationId, String partnerId, Instant occurredAt, String payload, Map<String, String> stagedIn) {
    }

    private static Map<String, String> traceContext(String traceParent, String traceState) {
        Map<String, String> context = new HashMap<>();
        if (traceParent != null) {
            context.put(EventTracing.TRACEPARENT, traceParent);
        }
        if (traceState != null) {
            context.put(EventTracing.TRACESTATE, traceState);
        }
        return context;
    }

    private ProducerRecord<String, byte[]> record(OutboxRow event, Map<String, String> traceHeaders) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.subject(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.eventId());
        header(record, "ce_source", event.source());
        header(record, "ce_type", event.type());
        header(record, "ce_subject", event.subject());
        header(record, "ce_time", event.occurredAt().toString());
        EventCatalog.byType(event.type())
                .map(EventType::dataschema)
                .ifPresent(schema -> header(record, "ce_dataschema", schema.toString()));
        header(record, "ce_" + CloudEventAttributes.SEQUENCE, Long.toString(event.sequence()));
        header(record, "ce_" + CloudEventAttributes.CORRELATION_ID, event.correlationId());
        header(record, "ce_" + CloudEventAttributes.PARTNER_ID, event.partnerId());
        header(record, "content-type", "application/json");
        traceHeaders.forEach((name, value) -> header(record, name, value));
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void updateGauges(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select count(*), min(created_at) from outbox_event where published_at is null")) {
            result.next();
            pending.set(result.getLong(1));
            java.sql.Timestamp oldest = result.getTimestamp(2);
            lagMillis.set(oldest == null ? 0 : Duration.between(oldest.toInstant(), Instant.now()).toMillis());
        }
        connection.commit();
    }

    private Duration doubled(Duration backoff) {
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    private static long jittered(Duration backoff) {
        return backoff.toMillis() / 2 + ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1);
    }

    /** Waits between polls and after failures; a shutdown cuts the wait short. */
    private void sleep(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        synchronized (wakeUp) {
            long left;
            while (running && (left = until - System.nanoTime()) > 0) {
                wakeUp.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
