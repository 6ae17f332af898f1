package io.portage.edge.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** edge-agent settings ({@code portage.edge.*}), from application.properties, the environment or a config file. */
@ConfigMapping(prefix = "portage.edge")
public interface EdgeConfig {

    /** The SQLite file that holds events until they are forwarded; its folder is created if missing. */
    @WithDefault("data/edge-events.db")
    String storePath();

    /** Largest accepted payload of one event, in bytes of JSON. */
    @WithDefault("65536")
    int maxPayloadBytes();

    Intake intake();

    Forward forward();

    StoreQuota quota();

    Drop drop();

    Line line();

    Auth auth();

    /** Who may use the agent: the keys of devices, integrations and operators. */
    interface Auth {

        /**
         * The keys file: one line per key with its name, role and SHA-256, managed with {@code keys create} and
         * {@code keys revoke} (see README.md); read again when it changes, so a revoked key stops working at once.
         */
        @WithDefault("config/edge-agent.keys")
        String keysFile();
    }

    /** What the HTTP intake holds in memory. */
    interface Intake {

        /**
         * Most request-body bytes the intake reads at once (by their Content-Length; a body without one counts as
         * {@code quarkus.http.limits.max-body-size}). A request that would go over answers 503 with Retry-After and
         * stores nothing; one request alone always gets in. About a quarter of the heap: reading a body takes about
         * three times its size while it is parsed.
         */
        @WithDefault("12M")
        MemorySize maxBytesInFlight();
    }

    /** Forwarding to the gateway. */
    interface Forward {

        /** Whether the agent forwards at all (off: it only stores). */
        @WithDefault("true")
        boolean enabled();

        /** The receiver: the gateway's edge route. */
        @WithDefault("http://localhost:8080/api/v1/edge/events")
        String url();

        /** This warehouse's id, sent with every batch. */
        @WithDefault("default")
        String site();

        /** Most events in one request. */
        @WithDefault("500")
        int batchSize();

        /** First wait after a failed send; doubles per failure (with jitter) up to {@link #backoffMax()}. */
        @WithDefault("1s")
        Duration backoffInitial();

        @WithDefault("5m")
        Duration backoffMax();

        /** How often an idle forwarder looks for new events (new input wakes it at once). */
        @WithDefault("1s")
        Duration idleInterval();

        /** How long forwarded events stay in the store (to answer a scanner's late retry as a duplicate). */
        @WithDefault("1h")
        Duration retention();

        /** A token is fetched again when it expires within this time. */
        @WithDefault("30s")
        Duration tokenRefreshSkew();
    }

    /** The disk quota and what is shed when it is reached. */
    interface StoreQuota {

        /** Most events the store holds (pending plus forwarded ones kept for deduplication). */
        @WithDefault("5000000")
        long maxEvents();

        /** Most bytes of database pages in use (the WAL comes on top, up to about 40 MB). */
        @WithDefault("2147483648")
        long maxBytes();
    }

    /** The drop folder for legacy WMS CSV files. */
    interface Drop {

        @WithDefault("false")
        boolean enabled();

        @WithDefault("data/drop")
        String folder();

        /** {@code marker}: a file is complete once {@code <name>.done} exists; {@code rename}: any {@code *.csv}. */
        @WithDefault("marker")
        String completeWhen();

        @WithDefault("2s")
        Duration pollInterval();

        /** Lines of a file stored per transaction: the memory a file of any size takes. */
        @WithDefault("2000")
        int linesPerTransaction();
    }

    /** The TCP line protocol for fixed scanners. */
    interface Line {

        @WithDefault("false")
        boolean enabled();

        /** The interface it listens on: loopback unless the scanners' network is named (e.g. 0.0.0.0). */
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("8087")
        int port();
    }
}
