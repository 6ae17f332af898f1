package io.portage.gateway.reliability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reliability tables ({@code partner_traffic}, {@code webhook_outcome}) over JDBC: the flush's upsert that adds
 * (so replicas and flushes add up), the retention's delete, and the sums a report reads. Blocking: called from the
 * scheduler's and the REST layer's worker threads, and at shutdown, when the reactive pool may be gone.
 */
@ApplicationScoped
public class ReliabilityStore {

    private static final String ADD = """
            insert into gateway.partner_traffic as t
                (bucket_start, partner_id, route, status_class, requests, latency_counts)
            values (?, ?, ?, ?, ?, ?)
            on conflict (bucket_start, partner_id, route, status_class) do update
            set requests = t.requests + excluded.requests,
                latency_counts = gateway.add_counts(t.latency_counts, excluded.latency_counts)""";

    /** What a report selects: buckets starting in [from, to), a partner and a route if given. */
    public record Selection(Instant from, Instant to, String partner, String route) {
    }

    /** Requests of one status class, per partner and route, or per series step ({@code step} epoch seconds). */
    public record ClassCount(String partner, String route, long step, String statusClass, long requests) {
    }

    /** Answered requests in one latency bucket, per partner and route, or per series step. */
    public record LatencyCount(String partner, String route, long step, int bucket, long requests) {
    }

    /** Webhook attempts of one subscription. */
    public record WebhookCount(String partner, UUID subscription, String url, long delivered, long retried,
            long failed) {
    }

    private final DataSource dataSource;

    public ReliabilityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds the counters into their rows, all or none. */
    public void add(List<PartnerTraffic.Counted> counted) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement add = connection.prepareStatement(ADD)) {
                for (PartnerTraffic.Counted one : counted) {
                    add.setObject(1, at(Instant.ofEpochSecond(one.key().bucketStart())));
                    add.setString(2, one.key().partner());
                    add.setString(3, one.key().route().length() <= 200
                            ? one.key().route()
                            : one.key().route().substring(0, 200));
                    add.setString(4, one.key().statusClass());
                    add.setLong(5, one.requests());
                    Integer[] latencies = java.util.Arrays.stream(one.latencyCounts()).boxed().toArray(Integer[]::new);
                    Array array = connection.createArrayOf("integer", latencies);
                    add.setArray(6, array);
                    add.addBatch();
                }
                add.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Deletes the buckets that started before {@code before}; answers how many rows went. */
    public int deleteBefore(Instant before) throws SQLException {
        int deleted = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("gateway.partner_traffic", "gateway.webhook_outcome")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from " + table + " where bucket_start < ?")) {
                    delete.setObject(1, at(before));
                    deleted += delete.executeUpdate();
                }
            }
        }
        return deleted;
    }

    /** Requests per partner, route and status class; with {@code step} > 0, per step of the series instead. */
    public List<ClassCount> classes(Selection selection, long step) throws SQLException {
        String group = step > 0 ? "'', '', " + stepOf(step) : "partner_id, route, 0";
        String sql = "select " + group + ", status_class, sum(requests) from gateway.partner_traffic t where "
                + where(selection) + " group by 1, 2, 3, 4";
        List<ClassCount> rows = new ArrayList<>();
        query(sql, selection, result -> rows.add(new ClassCount(result.getString(1), result.getString(2),
                result.getLong(3), result.getString(4), result.getLong(5))));
        return rows;
    }

    /**
     * Answered requests (neither {@code limited} nor {@code closed}) per latency bucket, per partner and route; with
     * {@code step} > 0 per step of the series instead.
     */
    public List<LatencyCount> latencies(Selection selection, long step) throws SQLException {
        String group = step > 0 ? "'', '', " + stepOf(step) : "partner_id, route, 0";
        String sql = "select " + group + ", h.i - 1, sum(h.c) from gateway.partner_traffic t"
                + " cross join lateral unnest(t.latency_counts) with ordinality as h(c, i) where " + where(selection)
                + " and t.status_class not in ('limited', 'closed') and h.c > 0 group by 1, 2, 3, 4";
        List<LatencyCount> rows = new ArrayList<>();
        query(sql, selection, result -> rows.add(new LatencyCount(result.getString(1), result.getString(2),
                result.getLong(3), result.getInt(4), result.getLong(5))));
        return rows;
    }

    /** Webhook attempts per subscription (the route does not apply). */
    public List<WebhookCount> webhooks(Selection selection) throws SQLException {
        Selection anyRoute = new Selection(selection.from(), selection.to(), selection.partner(), null);
        String sql = "select t.partner_id, t.subscription_id, s.url, sum(t.delivered), sum(t.retried), sum(t.failed)"
                + " from gateway.webhook_outcome t left join gateway.webhook_subscription s on s.id = t.subscription_id"
                + " where " + where(anyRoute) + " group by 1, 2, 3 order by 1, 2";
        List<WebhookCount> rows = new ArrayList<>();
        query(sql, anyRoute, result -> rows.add(new WebhookCount(result.getString(1), (UUID) result.getObject(2),
                result.getString(3), result.getLong(4), result.getLong(5), result.getLong(6))));
        return rows;
    }

    private interface Row {

        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, Selection selection, Row row) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            query.setObject(index++, at(selection.from()));
            query.setObject(index++, at(selection.to()));
            if (selection.partner() != null) {
                query.setString(index++, selection.partner());
            }
            if (selection.route() != null) {
                query.setString(index, selection.route());
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    row.read(result);
                }
            }
        }
    }

    private static String where(Selection selection) {
        return "t.bucket_start >= ? and t.bucket_start < ?" + (selection.partner() == null ? "" : " and t.partner_id = ?")
                + (selection.route() == null ? "" : " and t.route = ?");
    }

    private static String stepOf(long step) {
        return "floor(extract(epoch from t.bucket_start) / " + step + ")::bigint * " + step;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
