package io.portage.kit.ops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.portage.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Counts and lists the service's {@link Backlog}s from their SQL, each in one query, for the people whose role owns
 * them (operators see every backlog).
 */
@ApplicationScoped
public class Backlogs {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<Backlog> all;

    public Backlogs(Instance<Backlog> backlogs) {
        this.all = backlogs.stream()
                .sorted(Comparator.comparing(Backlog::ownerRole).thenComparing(Backlog::title))
                .toList();
        Set<String> names = new HashSet<>();
        all.forEach(backlog -> {
            if (!NAME.matcher(backlog.name()).matches() || !names.add(backlog.name())) {
                throw new IllegalStateException("Backlog names are unique lower-case words joined by hyphens: "
                        + backlog.name() + " (" + backlog.getClass().getName() + ")");
            }
        });
    }

    /** The backlogs the caller may see: an operator's all, anyone else's those owned by a role they hold. */
    public List<Backlog> visibleTo(Caller caller) {
        return all.stream().filter(backlog -> caller.owns(backlog.ownerRole())).toList();
    }

    public Optional<Backlog> named(String name) {
        return all.stream().filter(backlog -> backlog.name().equals(name)).findFirst();
    }

    /** Each backlog's count and oldest item, one query per backlog in one session, in the order given. */
    public Uni<List<BacklogView>> summaries(List<Backlog> backlogs, Instant now) {
        return Panache.withSession(() -> Multi.createFrom()
                .iterable(backlogs)
                .onItem()
                .transformToUniAndConcatenate(backlog -> summary(backlog, now))
                .collect()
                .asList());
    }

    private static Uni<BacklogView> summary(Backlog backlog, Instant now) {
        String sql = "select count(*), min(b.since) from (" + backlog.items() + ") as b(item, since, detail)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class).getSingleResult())
                .map(row -> {
                    Instant oldest = instant(row[1]);
                    return new BacklogView(backlog.name(), backlog.title(), backlog.ownerRole(), backlog.itemKind(),
                            ((Number) row[0]).longValue(), oldest,
                            oldest == null ? null : Duration.between(oldest, now).toSeconds(),
                            "/ops/backlogs/" + backlog.name());
                });
    }

    /** The backlog's items, oldest first, at most {@code limit}. */
    public Uni<List<BacklogItemView>> items(Backlog backlog, int limit, Instant now) {
        String sql = "select b.item, b.since, b.detail from (" + backlog.items()
                + ") as b(item, since, detail) order by b.since, b.item limit " + limit;
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class).getResultList()))
                .map(rows -> rows.stream().map(row -> {
                    Instant since = instant(row[1]);
                    return new BacklogItemView(String.valueOf(row[0]), since, Duration.between(since, now).toSeconds(),
                            row[2] == null ? null : row[2].toString());
                }).toList());
    }

    /** A timestamp as the driver hands it over; PostgreSQL's timestamptz comes in one of these. */
    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("A backlog's since column must be a timestamp, not "
                    + value.getClass().getName());
        };
    }
}
