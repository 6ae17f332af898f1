package io.portage.console.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.portage.console.client.Answer;
import io.portage.console.client.GatewayClient;
import io.portage.console.client.Notice;
import io.portage.console.config.ConsoleConfig;
import io.portage.console.model.DeadLetterRow;
import io.portage.console.model.Json;

/**
 * The dead letters of every service for operators: listed by service, topic, consumer, event type and error; read one
 * with its headers and payload; replay it (as it was, or with a corrected payload) or discard it with a reason; and a
 * replay of a filtered set, always after a dry run that says how many letters would go to which consumer.
 */
@ApplicationScoped
public class DeadLetterDesk {

    /** The status filter's choice for every status. */
    public static final String ANY = "ANY";
    private static final String RESOURCE = "dead-letters";
    private static final TypeReference<List<DeadLetterRow>> ROWS = new TypeReference<>() {
    };

    private final GatewayClient gateway;
    private final ConsoleConfig config;

    public DeadLetterDesk(GatewayClient gateway, ConsoleConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    /** What a list or a replay covers; blank fields match everything; {@code key} is the record's (an aggregate id). */
    public record Filter(String service, String status, String consumer, String eventType, String topic, String key,
            String error) {

        Map<String, String> query(int limit) {
            Map<String, String> query = new LinkedHashMap<>();
            if (!ANY.equals(status)) {
                put(query, "status", status);
            }
            put(query, "consumer", consumer);
            put(query, "type", eventType);
            put(query, "topic", topic);
            put(query, "key", key);
            put(query, "error", error);
            query.put("limit", Integer.toString(limit));
            return query;
        }

        /** The body of a replay of the open letters this filter matches. */
        Map<String, Object> replay(boolean dryRun) {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "consumer", consumer);
            put(body, "eventType", eventType);
            put(body, "topic", topic);
            put(body, "key", key);
            put(body, "error", error);
            body.put("dryRun", dryRun);
            return body;
        }

        boolean covers(String name) {
            return service == null || service.isBlank() || service.equals(name);
        }
    }

    /** The letters a list found, and what the services it could not ask answered. */
    public record Listing(List<DeadLetterRow> letters, List<Notice> problems) {
    }

    /** One letter, or why it could not be read. */
    public record Detail(DeadLetterRow letter, Notice notice) {
    }

    /** A dry run across services: how many open letters match, how many would be replayed, per consumer, a sample. */
    public record Preview(long matching, long wouldReplay, Map<String, Long> byConsumer, List<DeadLetterRow> sample,
            List<Notice> problems) {
    }

    /**
     * Where dead letters are: every relayed service, and the gateway itself (the edge agents' events it rejected,
     * corrected and replayed there).
     */
    public List<String> services() {
        List<String> sources = new ArrayList<>(config.services());
        sources.add(GatewayClient.GATEWAY);
        return sources;
    }

    public Listing list(Person person, Filter filter) {
        List<DeadLetterRow> letters = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        for (String service : services()) {
            if (!filter.covers(service)) {
                continue;
            }
            Answer answer = gateway.list(person.token(), service, RESOURCE, filter.query(config.maxItems()));
            if (answer.ok()) {
                Json.read(answer.body(), ROWS).forEach(row -> letters.add(row.from(service)));
            } else {
                problems.add(named(service, answer));
            }
        }
        letters.sort(Comparator.comparing(DeadLetterRow::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Listing(letters, problems);
    }

    public Detail detail(Person person, String service, String id) {
        Answer answer = gateway.get(person.token(), service, RESOURCE, id);
        return answer.ok()
                ? new Detail(Json.read(answer.body(), DeadLetterRow.class).from(service), null)
                : new Detail(null, answer.problem());
    }

    /** Asks every service the filter covers what a replay would do; replays nothing. */
    public Preview dryRun(Person person, Filter filter) {
        long matching = 0;
        long wouldReplay = 0;
        Map<String, Long> byConsumer = new TreeMap<>();
        List<DeadLetterRow> sample = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        for (String service : services()) {
            if (!filter.covers(service)) {
                continue;
            }
            Answer answer = gateway.act(person.token(), service, RESOURCE, "replay", Json.write(filter.replay(true)));
            if (!answer.ok()) {
                problems.add(named(service, answer));
                continue;
            }
            JsonNode preview = Json.read(answer.body(), JsonNode.class);
            matching += preview.path("matching").asLong();
            wouldReplay += preview.path("wouldReplay").asLong();
            preview.path("byConsumer")
                    .properties()
                    .forEach(entry -> byConsumer.merge(service + " / " + entry.getKey(), entry.getValue().asLong(),
                            Long::sum));
            preview.path("sample")
                    .forEach(letter -> sample.add(Json.read(letter.toString(), DeadLetterRow.class).from(service)));
        }
        return new Preview(matching, wouldReplay, byConsumer, sample, problems);
    }

    /** The open letters a replay of {@code filter} works through, oldest first: {@code service/id} each. */
    public List<String> openReferences(Person person, Filter filter) {
        Filter open = new Filter(filter.service(), "OPEN", filter.consumer(), filter.eventType(), filter.topic(),
                filter.key(), filter.error());
        return list(person, open).letters().stream().map(letter -> letter.service() + "/" + letter.id()).toList();
    }

    /** Replays one letter, with {@code correctedPayload} instead of its own when given (it must be JSON then). */
    public Notice replay(String token, String service, String id, String correctedPayload) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (correctedPayload != null && !correctedPayload.isBlank()) {
            if (!Json.valid(correctedPayload)) {
                return Notice.error("The corrected payload is not JSON", "Fix it, or leave it empty to replay the "
                        + "letter as it was.");
            }
            body.put("payload", correctedPayload.trim());
        }
        Answer answer = gateway.actOn(token, service, RESOURCE, id, "replay", Json.write(body));
        return answer.ok()
                ? Notice.done("Replayed", "Dead letter " + id + " was applied by its consumer.")
                : answer.problem();
    }

    public Notice discard(Person person, String service, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            return Notice.error("A reason is required", "Say why this letter is dropped: it is kept in the audit trail "
                    + "with your name.");
        }
        Answer answer = gateway.actOn(person.token(), service, RESOURCE, id, "discard",
                Json.write(Map.of("reason", reason.trim())));
        return answer.ok()
                ? Notice.done("Discarded", "Dead letter " + id + " is closed without being applied.")
                : answer.problem();
    }

    private static Notice named(String service, Answer answer) {
        Notice problem = answer.problem();
        return Notice.error(service + ": " + problem.title(), problem.detail());
    }

    static void put(Map<String, ? super String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.trim());
        }
    }
}
