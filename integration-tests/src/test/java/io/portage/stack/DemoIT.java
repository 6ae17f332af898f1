package io.portage.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code ./portage demo} as a newcomer runs it: the launcher starts PostgreSQL, Kafka, Keycloak, the Odoo stand-in and
 * every service in a run folder and on ports of its own, the demo plays the warehouse day (it fails on any step that
 * does not happen), the TMS's load plan and its outbound dock appointment are where the demo said (shipment-service's
 * and yard-service's databases), and afterwards no service's log holds a demo customer's name, e-mail address or
 * street.
 */
class DemoIT {

    @Test
    void theDemoDayPlaysAndNoServiceLogsTheCustomers() throws IOException, SQLException {
        Path run = Path.of("target", "demo-run").toAbsolutePath();
        FileTree.deleteRecursively(run);
        Launcher launcher = new Launcher(PortageHome.locate(), run, freeBlock());
        try {
            launcher.up();
            new Demo(launcher).play();
            theTmsPlannedLoadHasItsOutboundAppointment(launcher.postgres());
        } finally {
            launcher.down();
        }

        List<Path> logs;
        try (Stream<Path> files = Files.list(run.resolve("services"))) {
            logs = files.filter(file -> file.toString().endsWith(".log")).toList();
        }
        assertThat(logs).as("the services' logs").hasSize(Launcher.SERVICES.size());
        List<String[]> customers = new ArrayList<>(List.of(Demo.CUSTOMERS));
        customers.add(Demo.SHOP_CUSTOMER);
        customers.add(Demo.WH2_CUSTOMER);
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String[] customer : customers) {
                for (String personal : List.of(customer[0], customer[1], customer[2])) {
                    if (text.contains(personal)) {
                        found.add(log.getFileName() + ": " + personal);
                    }
                }
            }
        }
        assertThat(found).as("the demo customers' personal data in the services' logs").isEmpty();
    }

    /**
     * The load the demo's TMS planned twice: in shipment-service, revision 2 applied and its appointment booked; in
     * yard-service, that appointment at WH1's outbound dock, booked by the realm's client shipment-service (its
     * partner), moved to the second plan's window.
     */
    private static void theTmsPlannedLoadHasItsOutboundAppointment(PostgresServer postgres) throws SQLException {
        String appointment;
        Instant start;
        try (Connection shipments = DriverManager.getConnection(postgres.jdbcUrl("shipments"), PostgresServer.USER, "");
                ResultSet load = shipments.createStatement()
                        .executeQuery("select appointment_id, appointment_start, pickup_start from shipments.tms_load"
                                + " where revision = 2 and appointment_status = 'BOOKED'")) {
            assertThat(load.next()).as("a TMS load planned twice with its appointment booked").isTrue();
            appointment = load.getString("appointment_id");
            start = load.getTimestamp("appointment_start").toInstant();
            assertThat(start).isEqualTo(load.getTimestamp("pickup_start").toInstant());
        }
        try (Connection yard = DriverManager.getConnection(postgres.jdbcUrl("yard"), PostgresServer.USER, "");
                ResultSet booked = yard.createStatement()
                        .executeQuery("select site, dock, direction, partner_id, slot_start from yard.dock_appointment"
                                + " where id = '" + appointment + "'")) {
            assertThat(booked.next()).as("appointment %s at yard-service", appointment).isTrue();
            assertThat(booked.getString("site")).isEqualTo("WH1");
            assertThat(booked.getString("dock")).isEqualTo(Launcher.OUTBOUND_DOCK);
            assertThat(booked.getString("direction")).isEqualTo("OUTBOUND");
            assertThat(booked.getString("partner_id")).isEqualTo("shipment-service");
            assertThat(booked.getTimestamp("slot_start").toInstant()).isEqualTo(start);
        }
    }

    /** A base port whose block of 100 ports is free (the launcher uses offsets 0 to 99). */
    private static int freeBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Below the kernel's ephemeral range (32768 up): a port there can be taken by any outgoing connection before
            // the process meant for it binds it (Keycloak lost its port that way in CI).
            int base = 20_000 + ThreadLocalRandom.current().nextInt(127) * 100;
            boolean free = true;
            for (int offset = 0; offset < 100 && free; offset++) {
                free = Ports.isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No block of 100 free ports between 20000 and 32700");
    }
}
