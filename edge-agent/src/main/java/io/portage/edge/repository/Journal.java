package io.portage.edge.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's one SQLite connection (WAL, {@code synchronous=FULL}: a commit that returned is on disk) and its lock:
 * every read and write of the store is one {@link #inTransaction} call, committed whole or rolled back.
 */
final class Journal implements AutoCloseable {

    /** Work done inside a transaction (or a savepoint of one). */
    @FunctionalInterface
    interface Work<T> {

        T run(Tx tx) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Tx tx = new Tx();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean inTransaction;

    private Journal(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static Journal open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5000);
            // 8 MB of page cache (default 2 MB): more of the id and key indexes of a large backlog stay in memory.
            config.setCacheSize(-8_000);
            // No "select last_insert_rowid()" after every insert: nothing reads generated keys (a third of an insert).
            config.setGetGeneratedKeys(false);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            // Not DriverManager: it hands out drivers by class loader, which breaks under Quarkus' test class loaders.
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                // Checkpoint every 10,000 pages (40 MB of WAL) rather than 1,000: the index pages every batch touches
                // are copied into the database once per checkpoint, not once per 4 MB (about 20% more intake).
                statement.execute("pragma wal_autocheckpoint = 10000");
            }
            connection.setAutoCommit(false);
            return new Journal(file, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the event store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} alone on the connection and commits it; on any failure rolls it back and throws, an
     * {@link SQLException} as an {@link IllegalStateException} saying what could not be done. Actions the work
     * registered with {@link Tx#afterCommit} run after the commit, still alone.
     */
    <T> T inTransaction(String what, Work<T> work) {
        lock.lock();
        if (inTransaction) {
            lock.unlock();
            throw new IllegalStateException("a transaction is already open: cannot " + what);
        }
        inTransaction = true;
        try {
            T result = work.run(tx);
            connection.commit();
            afterCommit.forEach(Runnable::run);
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Could not " + what + ": " + e.getMessage(), e);
        } finally {
            afterCommit.clear();
            inTransaction = false;
            lock.unlock();
        }
    }

    /** Runs {@code action} with the journal to itself, so that it may decide whether a transaction is needed at all. */
    void exclusively(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes of the database file, its WAL and its shared-memory index as they are on disk. */
    long storeBytes() {
        long bytes = 0;
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            try {
                Path part = Path.of(file.toAbsolutePath() + suffix);
                bytes += Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                // a WAL file may vanish at a checkpoint; the size is a report, not an invariant
            }
        }
        return bytes;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    /** The open transaction, as the work running in it sees it. */
    final class Tx {

        private Tx() {
        }

        /** A statement of this transaction; the caller closes it. */
        PreparedStatement prepare(String sql) throws SQLException {
            return connection.prepareStatement(sql);
        }

        /** The first column of the first row of {@code sql}, 0 when it answers no row. */
        long longValue(String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                return row.next() ? row.getLong(1) : 0;
            }
        }

        /** The first column of the first row of {@code sql} as text, {@code null} when it answers no row. */
        String stringValue(String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                return row.next() ? row.getString(1) : null;
            }
        }

        int update(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        }

        /** Bytes of database pages that hold rows (page count less free pages): what the quota counts. */
        long usedBytes() throws SQLException {
            long pages = longValue("pragma page_count") - longValue("pragma freelist_count");
            return pages * longValue("pragma page_size");
        }

        /** Runs {@code work} under a savepoint: when it fails, what it did is undone and the transaction goes on. */
        <T> T inSavepoint(Work<T> work) throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run(this);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
                throw e;
            }
        }

        /** Runs {@code action} once the transaction has committed (never when it rolls back). */
        void afterCommit(Runnable action) {
            afterCommit.add(action);
        }
    }
}
