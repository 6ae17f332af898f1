package io.portage.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.portage.partners.standin.LocalPartners;

/** {@code ./portage status} and {@code ./portage logs}: each process of the local stack, its state and its log. */
final class StatusReport {

    private final Launcher launcher;

    StatusReport(Launcher launcher) {
        this.launcher = launcher;
    }

    void table() {
        System.out.printf("%-17s %-8s %-8s %-30s %8s%n", "PROCESS", "STATE", "PID", "URL", "MEMORY");
        row("postgres", launcher.runDir().resolve("postgres/postgres.pid"), launcher.runDir().resolve("postgres/postgres.log"),
                "postgresql://127.0.0.1:" + (launcher.base() + 32));
        row("kafka", launcher.runDir().resolve("kafka/kafka.pid"), launcher.runDir().resolve("kafka/kafka.log"),
                "127.0.0.1:" + (launcher.base() + 92));
        row("keycloak", launcher.runDir().resolve("keycloak/keycloak.pid"), launcher.runDir().resolve("keycloak/keycloak.log"),
                "http://127.0.0.1:" + (launcher.base() + 90));
        if (launcher.realOdoo().isEmpty()) {
            row("odoo-standin", launcher.runDir().resolve("odoo/odoo-standin.pid"),
                    launcher.runDir().resolve("odoo/odoo-standin.log"), launcher.odooUrl());
        }
        row("partners", launcher.partnersDir().resolve("partners.pid"), launcher.partnersDir().resolve("partners.log"),
                "127.0.0.1:" + (launcher.base() + PartnersProcess.OFFSET) + "-"
                        + (launcher.base() + PartnersProcess.OFFSET + LocalPartners.PORTS - 1));
        for (Launcher.Service service : launcher.builtServices()) {
            row(service.name(), launcher.runDir().resolve("services/" + service.name() + ".pid"),
                    launcher.runDir().resolve("services/" + service.name() + ".log"), launcher.url(service.name()));
        }
    }

    private void row(String name, Path pidFile, Path log, String url) {
        Optional<ManagedProcess> process = ManagedProcess.fromPidFile(name, pidFile, log);
        System.out.printf("%-17s %-8s %-8s %-30s %8s%n", name, process.isPresent() ? "running" : "stopped",
                process.map(p -> Long.toString(p.pid())).orElse("-"), url,
                process.map(p -> String.format(Locale.ROOT, "%d MB", p.residentKib() / 1024)).orElse("-"));
    }

    void logs(String name, int lines) {
        List<Path> logs = new ArrayList<>(
                List.of(launcher.runDir().resolve("postgres/postgres.log"), launcher.runDir().resolve("kafka/kafka.log"),
                        launcher.runDir().resolve("keycloak/keycloak.log"), launcher.runDir().resolve("odoo/odoo-standin.log"),
                        launcher.partnersDir().resolve("partners.log")));
        Launcher.SERVICES.forEach(s -> logs.add(launcher.runDir().resolve("services/" + s.name() + ".log")));
        if (name == null) {
            logs.stream().filter(Files::exists).forEach(log -> System.out.println(log));
            return;
        }
        Path log = logs.stream()
                .filter(l -> l.getFileName().toString().equals(name + ".log"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No log for '" + name + "'; ./portage logs lists them"));
        ManagedProcess.tail(log, lines).forEach(System.out::println);
    }
}
