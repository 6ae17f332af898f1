package io.portage.edge.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.edge.config.EdgeConfig;
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
 * The TCP line protocol for fixed scanners ({@code portage.edge.line.port}): one event per line as a JSON object with
 * the fields of {@code POST /api/v1/events}, answered by one line per event, in order, once it is on disk:
 * {@code OK <id> stored}, {@code OK <id> duplicate} or {@code ERR <status> <reason>}.
 */
@ApplicationScoped
public class LineProtocolServer {

    private static final int MAX_LINE = 70 * 1024;

    private final EdgeIntakeService intake;
    private final EdgeConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private volatile NetServer server;

    public LineProtocolServer(EdgeIntakeService intake, EdgeConfig config, ObjectMapper json, Vertx vertx) {
        this.intake = intake;
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
        lines.handler(line -> {
            // One line at a time per connection: the next is read once this one is on disk and answered.
            lines.pause();
            vertx.executeBlocking(() -> answer(line), false).onComplete(result -> {
                socket.write(result.succeeded() ? result.result() : "ERR 500 " + result.cause().getMessage() + "\n");
                lines.resume();
            });
        });
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
