package io.portage.console.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.portage.console.client.Notice;
import io.portage.console.config.ConsoleConfig;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateData;

/**
 * Replays of a filtered set of dead letters that run while the operator watches: one letter at a time through the
 * gateway with the operator's token (each replay audited in their name), the progress readable until
 * {@code portage.console.job-retention} after the end. Kept in memory: a restart of the console ends the watch, not
 * the replays already applied.
 */
@ApplicationScoped
public class ReplayJobs {

    private final DeadLetterDesk desk;
    private final ConsoleConfig config;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** The filter of each person's last dry run: a replay of many letters needs one with the same filter first. */
    private final Map<String, DeadLetterDesk.Filter> previewed = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock = Clock.systemUTC();

    public ReplayJobs(DeadLetterDesk desk, ConsoleConfig config) {
        this.desk = desk;
        this.config = config;
    }

    /** One replay of many letters and how far it got. */
    @TemplateData
    public static final class Job {

        private final String id = UUID.randomUUID().toString();
        private final String owner;
        private final int total;
        private final AtomicInteger replayed = new AtomicInteger();
        private final List<String> failed = new CopyOnWriteArrayList<>();
        private volatile Instant finishedAt;

        Job(String owner, int total) {
            this.owner = owner;
            this.total = total;
        }

        public String id() {
            return id;
        }

        public int total() {
            return total;
        }

        public int replayed() {
            return replayed.get();
        }

        public List<String> failed() {
            return failed;
        }

        public int done() {
            return replayed.get() + failed.size();
        }

        public boolean finished() {
            return finishedAt != null;
        }

        /** How far it got, 0 to 100. */
        public int percent() {
            return total == 0 ? 100 : done() * 100 / total;
        }
    }

    /** Notes that {@code person} has seen the dry run of {@code filter}. */
    public void previewed(Person person, DeadLetterDesk.Filter filter) {
        previewed.put(person.name(), normalized(filter));
    }

    /** Whether {@code person}'s last dry run had this filter (the one a replay may now use, once). */
    public boolean wasPreviewed(Person person, DeadLetterDesk.Filter filter) {
        return previewed.remove(person.name(), normalized(filter));
    }

    private static DeadLetterDesk.Filter normalized(DeadLetterDesk.Filter filter) {
        return new DeadLetterDesk.Filter(blank(filter.service()), "OPEN", blank(filter.consumer()),
                blank(filter.eventType()), blank(filter.topic()), blank(filter.key()), blank(filter.error()));
    }

    private static String blank(String text) {
        return text == null ? "" : text.trim();
    }

    /** Starts replaying {@code references} ({@code service/id} each) as {@code person}; answers the job to watch. */
    public Job start(Person person, List<String> references) {
        forgetOld();
        String token = person.token();
        Job job = new Job(person.name(), references.size());
        jobs.put(job.id, job);
        workers.submit(() -> {
            try {
                for (String reference : references) {
                    int slash = reference.indexOf('/');
                    Notice outcome = desk.replay(token, reference.substring(0, slash), reference.substring(slash + 1),
                            null);
                    if (outcome.error()) {
                        job.failed.add(reference + ": " + outcome.title() + " " + outcome.detail());
                    } else {
                        job.replayed.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                Log.warnf(e, "Bulk replay %s stopped", job.id);
                job.failed.add("stopped: " + e.getMessage());
            } finally {
                job.finishedAt = clock.instant();
            }
        });
        return job;
    }

    /** The job, for the person who started it only. */
    public Optional<Job> get(Person person, String id) {
        Job job = jobs.get(id);
        return job != null && job.owner.equals(person.name()) ? Optional.of(job) : Optional.empty();
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(config.jobRetention());
        jobs.values().removeIf(job -> job.finishedAt != null && job.finishedAt.isBefore(horizon));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
