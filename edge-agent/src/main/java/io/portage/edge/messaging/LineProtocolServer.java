package io.portage.edge.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.edge.config.EdgeConfig;
import io.portage.edge.domain.AccessKey;
import io.portage.edge.domain.AccessRole;
import io.portage.edge.service.AccessService;
import io.portage.edge.service.EdgeIntakeService;
import io.portage.kit.rest.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

/**
 * The TCP line protocol for fixed scanners ({@code portage.edge.line.port}): a connection starts with
 * {@code AUTH <device key>} (answered {@code OK auth <name>}; anything else is {@code ERR 401} and the connection is
 * closed), then one event per line as a JSON object with the fields of {@code POST /api/v1/events}, answered by one
 * line per event, in order, once it is on disk: {@code OK <id> stored}, {@code OK <id> duplicate} or
 * {@code ERR <status> <reason>}. The key is checked again on every line, so a revoked key ends its connections.
 */
@ApplicationScoped
public class LineProtocolServer {

    private static final int MAX_LINE = 70 * 1024;

    private static final String AUTH = "AUTH ";

    private final EdgeIntakeService intake;
    private final AccessService access;
    private final EdgeConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private volatile NetServer server;

    public LineProtocolServer(EdgeIntakeService intake, AccessService access, EdgeConfig config, ObjectMapper json,
            Vertx vertx) {
        this.intake = intake;
        this.access = access;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) throws Exception {
        if (!config.line().enabled()) {
            return;
        }
        NetServer listening = vertx.createNetServer(new NetServerOptions().setHost(config.line().host())
                .setPort(config.line().port()))
                .connectHandler(this::connected)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        server = listening;
        Log.infof("Line protocol for scanners on %s:%d", config.line().host(), listening.actualPort());
    }

    void stop(@Observes ShutdownEvent event) {
        NetServer current = server;
        if (current != null) {
            current.close();
        }
    }

    /** The port the server listens on (the configured one, or the one chosen for port 0); -1 when off. */
    public int port() {
        NetServer current = server;
        return current == null ? -1 : current.actualPort();
    }

    private void connected(NetSocket socket) {
        RecordParser lines = RecordParser.newDelimited("\n", socket).maxRecordSize(MAX_LINE);
        lines.exceptionHandler(e -> {
            socket.write("ERR 413 line longer than " + MAX_LINE + " bytes\n");
            socket.close();
        });
        // The device key the connection authenticated with; null until its AUTH line, and again once revoked.
        AtomicReference<String> key = new AtomicReference<>();
        lines.handler(line -> {
            // One line at a time per connection: the next is read once this one is on disk and answered.
            lines.pause();
            vertx.executeBlocking(() -> {
                if (key.get() == null) {
                    return authenticate(line, key);
                }
                if (!access.admits(key.get(), AccessRole.DEVICE)) {
                    key.set(null);
                    return "ERR 401 the key was revoked\n";
                }
                return answer(line);
            }, false).onComplete(result -> {
                socket.write(result.succeeded() ? result.result() : "ERR 500 " + result.cause().getMessage() + "\n");
                if (key.get() == null && result.succeeded() && result.result().startsWith("ERR")) {
                    socket.close();
                } else {
                    lines.resume();
                }
            });
        });
    }

    /** The connection's first line: {@code AUTH <device key>}; an empty line before it is skipped. */
    private String authenticate(Buffer raw, AtomicReference<String> key) {
        String line = raw.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) {
            return "";
        }
        if (!line.regionMatches(true, 0, AUTH, 0, AUTH.length())) {
            return "ERR 401 authenticate first: AUTH <device key>\n";
        }
        String presented = line.substring(AUTH.length()).strip();
        Optional<AccessKey> holder = access.identify(presented);
        if (holder.isEmpty()) {
            return "ERR 401 the key is not one this agent holds (unknown or revoked)\n";
        }
        if (holder.get().role() != AccessRole.DEVICE) {
            return "ERR 403 " + holder.get().name() + " is not a device's key\n";
        }
        key.set(presented);
        return "OK auth " + holder.get().name() + "\n";
    }

    private String answer(Buffer raw) {
        String line = raw.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) {
                return "ERR 400 a line must be one JSON object\n";
            }
            Map<String, String> fields = new java.util.HashMap<>();
            node.fields()
                    .forEachRemaining(field -> fields.put(field.getKey(),
                            field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
            EdgeIntakeService.Incoming incoming = InputEvents.of(json, fields.get("id"), fields.get("type"),
                    fields.get("key"), fields.get("priority"), fields.get("occurredAt"), fields.get("payload"),
                    config.maxPayloadBytes());
            EdgeIntakeService.Receipt receipt = intake.take(List.of(incoming), "").get(0);
            return "OK " + receipt.id() + (receipt.duplicate() ? " duplicate\n" : " stored\n");
        } catch (JsonProcessingException e) {
            return "ERR 400 not JSON\n";
        } catch (IllegalArgumentException e) {
            return "ERR 400 " + e.getMessage() + "\n";
        } catch (ProblemException e) {
            return "ERR " + e.status() + " " + e.getMessage().replace('\n', ' ') + "\n";
        }
    }
}
