package io.portage.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.portage.contracts.Topics;
import io.portage.partners.standin.LocalPartners;

/**
 * The {@code ./portage} command: starts the local stack (PostgreSQL, Kafka, Keycloak) and every service as separate
 * processes on this checkout's ports, reports their state, shows logs, stops them, and plays the demo.
 */
public final class Launcher {

    private final PortageHome home;
    private final StackVersions versions;
    private final Path run;
    private final int base;

    Launcher(PortageHome home) {
        this(home, home.run(), Ports.base(home.checkout()));
    }

    /** A launcher with its own run folder (data, logs, PIDs) and ports {@code base} to {@code base + 99}. */
    Launcher(PortageHome home, Path run, int base) {
        this.home = home;
        this.versions = StackVersions.load();
        this.run = run;
        this.base = base;
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        Launcher launcher = new Launcher(PortageHome.locate());
        try {
            switch (command) {
                case "up" -> launcher.up();
                case "down" -> launcher.down();
                case "status" -> launcher.status();
                case "logs" ->
                    launcher.logs(args.length > 1 ? args[1] : null, args.length > 2 ? Integer.parseInt(args[2]) : 40);
                case "demo" -> {
                    launcher.up();
                    new Demo(launcher).play();
                }
                default -> {
                    System.err.println("portage: unknown command '" + command + "'; see ./portage --help");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("portage: " + e.getMessage());
            System.exit(1);
        }
    }

    // ---- components ----------------------------------------------------------------------------------------------

    /** A service of the suite: module name, port offset, database (or none). */
    record Service(String name, int offset, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("order-service", 81, "orders"),
            new Service("yard-service", 82, "yard"),
            new Service("shipment-service", 83, "shipments"),
            new Service("finance-service", 84, "finance"),
            new Service("edge-agent", 86, null),
            new Service("edi-gateway", 88, "edi"),
            new Service("gateway", 80, "gateway"),
            new Service("console", 87, null));

    /** The Odoo stand-in's login and API key in the local stack (dev values, loopback only). */
    static final String ODOO_DATABASE = "portage";
    static final String ODOO_LOGIN = "bot";
    static final String ODOO_API_KEY = "portage-dev-odoo-key";
    /** The secret the demo's Shopify shop signs its order webhooks with (portage.orders.channels.corner-shop). */
    static final String SHOP_WEBHOOK_SECRET = "portage-dev-shop-secret";
    static final String ODOO_WEBHOOK_TOKEN = "portage-dev-webhook-token";
    /** The 3PL that runs warehouse WH2 and exchanges EDI files with edi-gateway (the realm's client acme-3pl). */
    static final String THIRD_PARTY = "acme-3pl";
    /** The warehouse whose edge agent the launcher runs: the realm's client edge-wh1 has partner wh1. */
    static final String EDGE_SITE = "WH1";
    /** The realm's client shipment-service books outbound dock appointments at yard-service with (dev value). */
    static final String SHIPMENT_CLIENT_SECRET = "shipment-service-dev-secret";
    /** WH1's outbound dock, where shipment-service books the pickups the TMS plans (portage.tms.yard.dock). */
    static final String OUTBOUND_DOCK = "OUT";

    /** A real Odoo given in {@code PORTAGE_ODOO_URL}, or none: then the launcher runs the Odoo stand-in. */
    Optional<String> realOdoo() {
        return Optional.ofNullable(System.getenv("PORTAGE_ODOO_URL")).filter(url -> !url.isBlank());
    }

    /**
     * Whether order-service may write into Odoo (customers, sale orders): always into the stand-in; into a real Odoo
     * only when {@code PORTAGE_ODOO_WRITE=true}, so pointing the launcher at a company's Odoo never writes by surprise.
     */
    boolean odooWrites() {
        return realOdoo().isEmpty() || "true".equalsIgnoreCase(System.getenv("PORTAGE_ODOO_WRITE"));
    }

    /** One line on which Odoo the suite talks to and whether it writes there. */
    String odooMode() {
        if (realOdoo().isEmpty()) {
            return "Odoo: the stand-in (Odoo 18.0) at " + odooUrl() + "; order-service writes customers and sale orders there";
        }
        return odooWrites()
                ? "Odoo: " + odooUrl() + " (real) - PORTAGE_ODOO_WRITE=true: order-service WRITES customers and confirmed "
                        + "sale orders there"
                : "Odoo: " + odooUrl() + " (real) - read only: order-service keeps orders ACCEPTED and writes nothing there "
                        + "(export PORTAGE_ODOO_WRITE=true to let it write)";
    }

    String odooUrl() {
        return realOdoo().orElse("http://" + Ports.LOOPBACK + ":" + (base + 69));
    }

    int port(Service service) {
        return base + service.offset();
    }

    String url(String serviceName) {
        return SERVICES.stream()
                .filter(s -> s.name().equals(serviceName))
                .findFirst()
                .map(s -> "http://" + Ports.LOOPBACK + ":" + port(s))
                .orElseThrow();
    }

    /** The edge agent's keys: a device key for the demo's scanners and an operator key. */
    EdgeKeys edgeKeys() {
        return EdgeKeys.in(home.checkout(), run.resolve("edge"));
    }

    KafkaBroker kafka() {
        return new KafkaBroker(home.kafkaLibs(versions), run.resolve("kafka"), base + 92, base + 93, "256m");
    }

    PostgresServer postgres() {
        return new PostgresServer(home.cache(), versions, run.resolve("postgres"), base + 32);
    }

    KeycloakServer keycloak() {
        return new KeycloakServer(home.keycloakDistribution(versions), run.resolve("keycloak"), base + 90, base + 91);
    }

    List<Service> builtServices() {
        return SERVICES.stream()
                .filter(s -> Files.isRegularFile(home.checkout().resolve(s.name()).resolve("pom.xml")))
                .toList();
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    void up() {
        long started = System.nanoTime();
        List<String> databases = builtServices().stream().map(Service::database).filter(d -> d != null).toList();
        System.out.printf("Portage on ports %d-%d (checkout %s)%n", base, base + 99, home.checkout());
        System.out.println(odooMode());

        freshWithTheStandin();
        PostgresServer postgres = postgres();
        if (running("postgres", run.resolve("postgres/postgres.pid"), run.resolve("postgres/postgres.log")).isEmpty()) {
            requireFree(postgres.port(), "PostgreSQL");
            timed("postgres", () -> postgres.start(Duration.ofSeconds(60)));
        }
        postgres.createDatabases(databases);

        KafkaBroker kafka = kafka();
        if (running("kafka", run.resolve("kafka/kafka.pid"), run.resolve("kafka/kafka.log")).isEmpty()) {
            requireFree(kafka.port(), "Kafka");
            timed("kafka", () -> kafka.start(true, Duration.ofSeconds(90)));
        }
        kafka.createTopics(Topics.ALL, Topics.PARTITIONS, Duration.ofSeconds(30));

        if (realOdoo().isEmpty() && running("odoo-standin", run.resolve("odoo/odoo-standin.pid"),
                run.resolve("odoo/odoo-standin.log")).isEmpty()) {
            requireFree(base + 69, "The Odoo stand-in");
            timed("odoo-standin", this::startOdooStandin);
        }

        if (running("partners", partnersDir().resolve("partners.pid"), partnersDir().resolve("partners.log")).isEmpty()) {
            requireFree(base + PartnersProcess.OFFSET, "The partners' stand-ins");
            timed("partners", () -> PartnersProcess.launch(partnersDir(), home.checkout(), base,
                    url("shipment-service") + "/webhooks/carriers/"));
        }

        KeycloakServer keycloak = keycloak();
        CompletableFuture<Void> keycloakReady = CompletableFuture.completedFuture(null);
        if (running("keycloak", run.resolve("keycloak/keycloak.pid"), run.resolve("keycloak/keycloak.log")).isEmpty()) {
            requireFree(base + 90, "Keycloak");
            // Keycloak takes longest; the services that do not need it start meanwhile.
            keycloakReady = CompletableFuture
                    .runAsync(() -> timed("keycloak", () -> keycloak.start(true, Duration.ofSeconds(240))));
        }

        for (Service service : builtServices()) {
            if (service.name().equals("gateway")) {
                keycloakReady.join();
            }
            startService(service, kafka, postgres, keycloak);
        }
        keycloakReady.join();
        System.out.printf("All up in %.1f s.%n%n", (System.nanoTime() - started) / 1e9);
        status();
    }

    /**
     * The Odoo stand-in keeps nothing between runs, and the services' data refers to its records (ids, the instance's
     * fingerprint, which order-service holds writes for when it changes): when everything is stopped, the services'
     * PostgreSQL and Kafka data and the partners' SFTP folders start afresh with a new stand-in. A real Odoo keeps its data, and so does the stack.
     */
    void freshWithTheStandin() {
        boolean stopped = realOdoo().isEmpty()
                && running("odoo-standin", run.resolve("odoo/odoo-standin.pid"), run.resolve("odoo/odoo-standin.log")).isEmpty()
                && running("postgres", run.resolve("postgres/postgres.pid"), run.resolve("postgres/postgres.log")).isEmpty()
                && running("kafka", run.resolve("kafka/kafka.pid"), run.resolve("kafka/kafka.log")).isEmpty()
                && running("partners", partnersDir().resolve("partners.pid"), partnersDir().resolve("partners.log")).isEmpty();
        if (stopped && (Files.exists(run.resolve("postgres")) || Files.exists(run.resolve("kafka")))) {
            System.out.println("A new Odoo stand-in starts empty: so do the services' databases and Kafka (" + run + ")");
            FileTree.deleteRecursively(run.resolve("postgres"));
            FileTree.deleteRecursively(run.resolve("kafka"));
            // The partners' files answer documents of that past: their folders go too (their keys stay).
            FileTree.deleteRecursively(LocalPartners.sftpRoot(partnersDir()));
        }
    }

    /** The Odoo stand-in's command line: its API key goes through the environment, a command line is any user's. */
    List<String> odooStandinCommand() {
        return OdooStandinProcess.command(base + 69, ODOO_DATABASE, ODOO_LOGIN);
    }

    /** The Odoo stand-in (odoo-standin, Odoo 18.0) as its own process, from the launcher's own classpath. */
    private ManagedProcess startOdooStandin() {
        return OdooStandinProcess.launch(run.resolve("odoo"), home.checkout(), base + 69, ODOO_DATABASE, ODOO_LOGIN,
                ODOO_API_KEY, true);
    }

    /** The carriers' and EDI partners' stand-ins: their log, keys and SFTP folders. */
    Path partnersDir() {
        return run.resolve("partners");
    }

    int base() {
        return base;
    }

    private void startService(Service service, KafkaBroker kafka, PostgresServer postgres, KeycloakServer keycloak) {
        Path services = run.resolve("services");
        if (running(service.name(), services.resolve(service.name() + ".pid"), services.resolve(service.name() + ".log"))
                .isPresent()) {
            return;
        }
        requireFree(port(service), service.name());
        if (service.name().equals("edge-agent")) {
            edgeKeys();
        }
        QuarkusService quarkus = configure(service, kafka.bootstrapServers(), postgres, keycloak.issuer());
        timed(service.name(), () -> quarkus.start(services, true, Duration.ofSeconds(120)));
    }

    /** How a service is started in the local stack (see {@link ServiceSettings}). */
    QuarkusService configure(Service service, String kafka, PostgresServer postgres, String issuer) {
        return ServiceSettings.of(this, service, kafka, postgres, issuer);
    }

    Path checkout() {
        return home.checkout();
    }

    Path runDir() {
        return run;
    }

    void down() {
        List<ManagedProcess> all = new ArrayList<>();
        List<Service> reversed = new ArrayList<>(SERVICES);
        java.util.Collections.reverse(reversed);
        for (Service service : reversed) {
            running(service.name(), run.resolve("services/" + service.name() + ".pid"),
                    run.resolve("services/" + service.name() + ".log")).ifPresent(all::add);
        }
        running("odoo-standin", run.resolve("odoo/odoo-standin.pid"), run.resolve("odoo/odoo-standin.log"))
                .ifPresent(all::add);
        running("partners", partnersDir().resolve("partners.pid"), partnersDir().resolve("partners.log")).ifPresent(all::add);
        running("keycloak", run.resolve("keycloak/keycloak.pid"), run.resolve("keycloak/keycloak.log")).ifPresent(all::add);
        running("kafka", run.resolve("kafka/kafka.pid"), run.resolve("kafka/kafka.log")).ifPresent(all::add);
        running("postgres", run.resolve("postgres/postgres.pid"), run.resolve("postgres/postgres.log")).ifPresent(all::add);
        if (all.isEmpty()) {
            System.out.println("Nothing is running.");
            return;
        }
        for (ManagedProcess process : all) {
            long pid = process.pid();
            process.stop(Duration.ofSeconds(20));
            System.out.printf("stopped %-17s (pid %d)%n", process.name(), pid);
        }
    }

    void status() {
        new StatusReport(this).table();
    }

    void logs(String name, int lines) {
        new StatusReport(this).logs(name, lines);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Optional<ManagedProcess> running(String name, Path pidFile, Path log) {
        return ManagedProcess.fromPidFile(name, pidFile, log);
    }

    private static void requireFree(int port, String what) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException(what + "'s port " + port + " is taken by another program; stop it, or choose other"
                    + " ports with PORTAGE_PORT_BASE=<n>, e.g. PORTAGE_PORT_BASE=31000 ./portage up");
        }
    }

    private static void timed(String name, java.util.function.Supplier<ManagedProcess> start) {
        long t0 = System.nanoTime();
        ManagedProcess process = start.get();
        System.out.printf("started %-17s in %5.1f s  (pid %d, %d MB)%n", name, (System.nanoTime() - t0) / 1e9, process.pid(),
                process.residentKib() / 1024);
    }
}
