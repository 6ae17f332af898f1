package io.portage.odoo.connector;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.ops.OdooOperations;
import io.portage.odoo.standin.OdooStandin;
import io.vertx.mutiny.core.Vertx;

/** A fresh stand-in of a test's own (its users, version, data) with a client and the operations on it. */
final class OwnStandin implements AutoCloseable {

    final OdooStandin standin;
    final OdooClient client;
    final OdooOperations ops;

    OwnStandin(OdooStandin.Builder builder, OdooConfig config, Vertx vertx, ObjectMapper mapper) {
        this(builder, config, vertx, mapper, false);
    }

    /** Over {@code protocol}: an API key for JSON-2, the password otherwise. */
    OwnStandin(OdooStandin.Builder builder, OdooConfig config, Vertx vertx, ObjectMapper mapper, Protocol protocol) {
        this(builder, config, vertx, mapper, false, protocol);
    }

    /** With {@code batching}: up to 100 callers within 200 ms share their calls. */
    OwnStandin(OdooStandin.Builder builder, OdooConfig config, Vertx vertx, ObjectMapper mapper, boolean batching) {
        this(builder, config, vertx, mapper, batching, Protocol.JSON_RPC);
    }

    private OwnStandin(OdooStandin.Builder builder, OdooConfig config, Vertx vertx, ObjectMapper mapper,
            boolean batching, Protocol protocol) {
        this.standin = builder.database("portage")
                .user("bot", StandinResource.Standins.PASSWORD)
                .apiKey(StandinResource.Standins.API_KEY)
                .build()
                .start();
        this.client = OdooClient.create(vertx, mapper, new TestConfig(config, standin.baseUrl()).protocol(
                Protocol.JSON_RPC)
                .password(StandinResource.Standins.PASSWORD)
                .batch(batching, 100,
                        java.time.Duration.ofMillis(200)));
        this.ops = new OdooOperations(client);
    }

    @Override
    public void close() {
        client.close();
        standin.close();
    }
}
