package io.portage.odoo.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.sun.net.httpserver.HttpServer;

/**
 * An in-memory Odoo 17/18/19 server answering JSON-RPC, XML-RPC and (on 19) JSON-2 for the models Portage uses, with
 * injectable faults: for the connector's tests and the launcher's demo.
 */
public final class OdooStandin implements AutoCloseable {

    /**
     * The groups (external ids) the integration user holds unless {@link Builder#groups} says otherwise: what ODOO.md's
     * access-rights table lists for Portage's work, and nothing of Administration.
     */
    public static final List<String> INTEGRATION_GROUPS = Setup.INTEGRATION_GROUPS;

    private static final Map<String, String> BUILDS = Map.of("17.0", "17.0-20250610", "18.0", "18.0-20250702",
            "19.0", "19.0-20251001");

    private final String version;
    private final String database;
    private final String login;
    private final String password;
    private final String host;
    /** The port asked for; after the first start the one bound, so a stand-in started again answers at the same address. */
    private int requestedPort;
    private final Faults faults;
    private final Orm orm;
    private final int workerCount;
    private final Semaphore workers;
    private volatile String apiKey;
    private HttpServer server;
    private ExecutorService executor;

    private OdooStandin(Builder builder) {
        this.version = builder.version;
        this.database = builder.database;
        this.login = builder.login;
        this.password = builder.password;
        this.apiKey = builder.apiKey;
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.faults = new Faults(builder.latency, builder.costs);
        this.workerCount = builder.workers;
        this.workers = new Semaphore(builder.workers > 0 ? builder.workers : Integer.MAX_VALUE, true);
        String created = LocalDateTime.ofInstant(builder.databaseCreated, ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(Orm.DATETIME);
        this.orm = new Orm(major(), Clock.systemUTC(), new Setup(builder.login, new LinkedHashSet<>(builder.groups),
                builder.email, created, UUID.randomUUID().toString()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts answering (again after {@link #close()}, with its records, at the same port); returns this. */
    public synchronized OdooStandin start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + host + ":" + requestedPort, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        requestedPort = server.getAddress().getPort();
        server.setExecutor(executor);
        server.createContext("/", new StandinHandler(this, orm));
        server.start();
        return this;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + shown + ":" + port();
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    /** Replaces the API key; the old one stops working at once. */
    public void rotateApiKey(String newKey) {
        this.apiKey = Objects.requireNonNull(newKey);
    }

    /** The stored records of a model, every field as {@code read} returns it, by id. */
    public List<Map<String, Object>> records(String model) {
        return orm.records(model);
    }

    /**
     * Sets a record's {@code write_date} as a transaction that started at {@code writeDate} and committed now would leave
     * it. Odoo stamps write_date with its transaction's start, so a slow transaction's changes appear after newer-looking
     * ones: a change-capture test uses this to show its overlap window catches them. Test support, not an Odoo API.
     */
    public void stampWriteDate(String model, int id, Instant writeDate) {
        orm.stampWriteDate(model, id, writeDate);
    }

    /**
     * Creates a record as Odoo's superuser would, past the integration user's access rights, and returns its id: a test
     * sets up what another Odoo user made. Test support, not an Odoo API.
     */
    public int createAsSuperuser(String model, Map<String, Object> vals) {
        return orm.transaction(() -> orm.records.createOne(orm.model(model), vals, Map.of()));
    }

    /** How many times {@code model.method} was executed, successful or not (faults that never reached it excluded). */
    public int calls(String model, String method) {
        return orm.methods.calls(model, method);
    }

    public String version() {
        return version;
    }

    /** How many calls it works on at once; 0 means no limit. */
    public int workerCount() {
        return workerCount;
    }

    Semaphore workers() {
        return workers;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    String database() {
        return database;
    }

    String login() {
        return login;
    }

    String apiKey() {
        return apiKey;
    }

    boolean acceptsPassword(String candidate) {
        return candidate.equals(password) || candidate.equals(apiKey);
    }

    Map<String, Object> versionInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("server_version", BUILDS.get(version));
        info.put("server_version_info", List.of(major(), 0, 0, "final", 0, ""));
        info.put("server_serie", version);
        info.put("protocol_version", 1);
        return info;
    }

    /** Starts a stand-in as its own process: {@code --port --version --database --login --password --api-key --latency-ms --host --workers}. */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder().port(8069);
        String user = "bot";
        String secret = "bot-password";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: odoo-standin [--port 8069] [--version 17.0|18.0|19.0] [--database portage]"
                        + " [--login bot] [--password bot-password] [--api-key bot-api-key] [--latency-ms 0]"
                        + " [--host 127.0.0.1] [--workers 0]");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--version" -> builder.version(value);
                case "--database" -> builder.database(value);
                case "--login" -> user = value;
                case "--password" -> secret = value;
                case "--api-key" -> builder.apiKey(value);
                case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value)));
                case "--host" -> builder.host(value);
                case "--workers" -> builder.workers(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        OdooStandin standin = builder.user(user, secret).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(standin::close));
        System.out.println("Odoo stand-in " + standin.version + " (database " + standin.database + ") listening on "
                + standin.baseUrl());
        new CountDownLatch(1).await();
    }

    /** Configures a stand-in; every setting has a default fit for tests. */
    public static final class Builder {

        private String version = "18.0";
        private String database = "portage";
        private String login = "bot";
        private String password = "bot-password";
        private String apiKey = "bot-api-key";
        private Duration latency = Duration.ZERO;
        private final Map<String, Faults.Cost> costs = new LinkedHashMap<>();
        private int workers;
        private List<String> groups = INTEGRATION_GROUPS;
        private String email = Setup.DEFAULT_EMAIL;
        private Instant databaseCreated = Instant.now();
        private String host = "127.0.0.1";
        private int port;

        private Builder() {
        }

        /** {@code "17.0"}, {@code "18.0"} or {@code "19.0"}. */
        public Builder version(String version) {
            if (!BUILDS.containsKey(version)) {
                throw new IllegalArgumentException("unsupported Odoo version " + version + ", use 17.0, 18.0 or 19.0");
            }
            this.version = version;
            return this;
        }

        public Builder database(String database) {
            this.database = Objects.requireNonNull(database);
            return this;
        }

        /** The login and password of the bot user (uid 2). */
        public Builder user(String login, String password) {
            this.login = Objects.requireNonNull(login);
            this.password = Objects.requireNonNull(password);
            return this;
        }

        /**
         * The groups of the integration user, by external id (e.g. {@code base.group_partner_manager}); by default
         * {@link #INTEGRATION_GROUPS}. A call needing a right none of them grants is Odoo's {@code AccessError}.
         */
        public Builder groups(String... groups) {
            this.groups = Setup.known(List.of(groups));
            return this;
        }

        /** The e-mail of the integration user ({@code bot@yourcompany.example}); null for none. */
        public Builder userEmail(String email) {
            this.email = email;
            return this;
        }

        /** When the database was created: {@code res.company} 1's {@code create_date}; by default when built. */
        public Builder databaseCreated(Instant databaseCreated) {
            this.databaseCreated = Objects.requireNonNull(databaseCreated);
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey);
            return this;
        }

        /** Time added to every call. */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency);
            return this;
        }

        /**
         * Time added to every call of {@code model.method}: {@code perCall} plus {@code perRecord} per record it creates
         * or runs on, spent after the model answered (see {@link Faults#cost}).
         */
        public Builder cost(String model, String method, Duration perCall, Duration perRecord) {
            costs.put(model + "/" + method, new Faults.Cost(perCall, perRecord));
            return this;
        }

        /**
         * How many calls it works on at once, latency and costs included (0, the default: no limit). 1 models an Odoo
         * run with {@code workers=0}: one Python process whose requests take turns.
         */
        public Builder workers(int workers) {
            if (workers < 0) {
                throw new IllegalArgumentException("workers must be 0 (no limit) or more");
            }
            this.workers = workers;
            return this;
        }

        /** The TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The interface to bind; {@code 127.0.0.1} by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        public OdooStandin build() {
            return new OdooStandin(this);
        }
    }
}
