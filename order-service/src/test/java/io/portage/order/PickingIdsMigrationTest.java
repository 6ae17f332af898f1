package io.portage.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.portage.stack.PostgresServer;
import io.portage.testsupport.PortageStackResource;

/**
 * V5 turns the comma-joined Odoo picking ids of orders stored before it ("7,8") into bigint arrays: migrated to V4,
 * given rows in the old form, then to V5, against real PostgreSQL.
 */
class PickingIdsMigrationTest {

    private static final String DATABASE = "ordermigration";
    private static final String SCHEMA = "before_v5";

    private static Flyway flyway(String url, String target) {
        return Flyway.configure()
                .dataSource(url, PostgresServer.USER, "")
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    void existingCommaJoinedPickingsBecomeArrays() throws SQLException {
        PortageStackResource.SharedStack stack = PortageStackResource.SharedStack.get();
        stack.createDatabase(DATABASE);
        String url = stack.jdbcUrl(DATABASE);
        flyway(url, "4").migrate();
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + SCHEMA);
            statement.execute("""
                    insert into customer_order (id, channel, external_id, partner_id, warehouse, customer_name, street,
                        city, postal_code, country, status, received_at, updated_at, odoo_picking_ids, odoo_pickings_done)
                    values
                      ('00000000-0000-0000-0000-000000000001', 'shop', '1', 'p', 'WH1', 'Ada', '1 Road', 'Rotterdam',
                       '3011', 'NL', 'RELEASED', now(), now(), '7,8', '7'),
                      ('00000000-0000-0000-0000-000000000002', 'shop', '2', 'p', 'WH1', 'Ada', '1 Road', 'Rotterdam',
                       '3011', 'NL', 'RELEASED', now(), now(), '', null),
                      ('00000000-0000-0000-0000-000000000003', 'shop', '3', 'p', 'WH1', 'Ada', '1 Road', 'Rotterdam',
                       '3011', 'NL', 'ACCEPTED', now(), now(), null, null),
                      ('00000000-0000-0000-0000-000000000004', 'shop', '4', 'p', 'WH1', 'Ada', '1 Road', 'Rotterdam',
                       '3011', 'NL', 'DISPATCHED', now(), now(), '12345678901,9', '9,12345678901')""");
        }

        flyway(url, "5").migrate();

        Map<String, List<List<Long>>> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + SCHEMA);
            try (ResultSet result = statement.executeQuery(
                    "select external_id, odoo_picking_ids, odoo_pickings_done from customer_order order by external_id")) {
                while (result.next()) {
                    rows.put(result.getString(1), Arrays.asList(longs(result.getArray(2)), longs(result.getArray(3))));
                }
            }
        }
        assertThat(rows).containsEntry("1", List.of(List.of(7L, 8L), List.of(7L)))
                .containsEntry("2", Arrays.asList(List.of(), null))
                .containsEntry("3", Arrays.asList(null, null))
                .containsEntry("4", List.of(List.of(12345678901L, 9L), List.of(9L, 12345678901L)));
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Long[]) array.getArray());
    }
}
