package io.portage.edge.repository;

import java.sql.SQLException;
import java.util.List;

import io.portage.edge.domain.Priority;

/**
 * The store's tables as numbered migrations: the file's version is SQLite's {@code user_version}, and opening a file
 * runs the migrations above it in order, each in its own transaction together with the new version.
 */
final class Schema {

    /** The step from version {@code version - 1} to {@code version}. */
    private record Migration(int version, String what, List<String> statements) {
    }

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "events received", List.of("""
                    create table edge_event (
                        seq          integer primary key autoincrement,
                        id           text    not null unique,
                        type         text    not null,
                        business_key text    not null,
                        priority     text    not null,
                        occurred_at  text    not null,
                        received_at  text    not null,
                        payload      text    not null,
                        forwarded_at text
                    )""",
                    "create index ix_edge_event_pending on edge_event (forwarded_at, seq)")),
            new Migration(2, "forwarding", List.of(
                    // rank orders forwarding by priority through an index.
                    "alter table edge_event add column rank integer not null default " + Priority.NORMAL.rank(),
                    "update edge_event set rank = " + EventRows.rankOf("priority"),
                    "drop index ix_edge_event_pending",
                    // Three indexes besides the id's, each partial: the fewer b-trees an insert touches, the faster.
                    "create index ix_edge_event_rank on edge_event (rank, seq) where forwarded_at is null",
                    "create index ix_edge_event_key on edge_event (business_key, seq) where forwarded_at is null",
                    "create index ix_edge_event_forwarded on edge_event (forwarded_at) where forwarded_at is not null",
                    """
                            create table edge_dead_letter (
                                id           text    primary key,
                                type         text    not null,
                                business_key text    not null,
                                priority     text    not null,
                                occurred_at  text    not null,
                                received_at  text    not null,
                                payload      text    not null,
                                reason       text    not null,
                                rejected_at  text    not null
                            )""")));

    /** The version this code writes. */
    static final int LATEST = MIGRATIONS.getLast().version();

    private Schema() {
    }

    /** Brings the file to {@link #LATEST}; refuses a file written by a newer agent. */
    static void migrate(Journal journal) {
        int version = journal.inTransaction("find the store's version", Schema::version);
        if (version > LATEST) {
            throw new IllegalStateException("The event store is at version " + version + ", newer than this agent's "
                    + LATEST + ": run the agent that wrote it");
        }
        for (Migration migration : MIGRATIONS.subList(version, MIGRATIONS.size())) {
            journal.inTransaction("migrate the event store to version " + migration.version() + " ("
                    + migration.what() + ")", tx -> {
                        for (String statement : migration.statements()) {
                            tx.update(statement);
                        }
                        tx.update("pragma user_version = " + migration.version());
                        return null;
                    });
        }
    }

    private static int version(Journal.Tx tx) throws SQLException {
        int version = (int) tx.longValue("pragma user_version");
        if (version > 0 || tx.longValue("select count(*) from sqlite_master where name = 'edge_event'") == 0) {
            return version;
        }
        // A file from before versions were kept: its layout says which it has.
        if (tx.longValue("select count(*) from pragma_table_info('edge_event') where name = 'rank'") == 0) {
            version = 1;
        } else {
            // The first forwarding releases also indexed the queue by seq; version 2 does without.
            tx.update("drop index if exists ix_edge_event_queue");
            version = 2;
        }
        tx.update("pragma user_version = " + version);
        return version;
    }
}
