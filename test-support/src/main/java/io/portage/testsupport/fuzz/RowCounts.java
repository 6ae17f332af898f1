package io.portage.testsupport.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Counts the rows of tables of the service under test's database over JDBC, for {@link ApiFuzz#rows}. */
public final class RowCounts implements Supplier<Map<String, Long>>, AutoCloseable {

    private final List<String> tables;
    private Connection connection;

    private RowCounts(List<String> tables) {
        this.tables = tables;
    }

    /** The row count of each of {@code tables} (schema-qualified), read when asked over one kept connection. */
    public static Supplier<Map<String, Long>> of(String... tables) {
        return new RowCounts(List.of(tables));
    }

    @Override
    public synchronized Map<String, Long> get() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection().createStatement()) {
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows of " + tables, e);
        }
        return counts;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Config config = ConfigProvider.getConfig();
            connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        }
        return connection;
    }
}
