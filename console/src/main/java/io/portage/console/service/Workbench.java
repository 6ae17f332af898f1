package io.portage.console.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.portage.console.client.Answer;
import io.portage.console.client.GatewayClient;
import io.portage.console.client.Notice;
import io.portage.console.config.ConsoleConfig;
import io.portage.console.model.ExceptionRow;
import io.portage.console.model.HistoryRow;
import io.portage.console.model.Json;

/**
 * The exception workbench: every service's exception queue in one list (as far as the person's roles reach; each
 * service decides), one item with its evidence and history, and the person's resolve, retry and discard, one by one or
 * on a filtered set, each with the comment the audit trail keeps.
 */
@ApplicationScoped
public class Workbench {

    private static final String RESOURCE = "exceptions";
    private static final TypeReference<List<ExceptionRow>> ROWS = new TypeReference<>() {
    };
    private static final TypeReference<List<HistoryRow>> HISTORY = new TypeReference<>() {
    };

    private final GatewayClient gateway;
    private final ConsoleConfig config;

    public Workbench(GatewayClient gateway, ConsoleConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    /** What a list covers; blank fields match everything. */
    public record Filter(String service, String type, String owner, String status, Integer minAgeMinutes,
            String partner) {

        Map<String, String> query(int limit) {
            Map<String, String> query = new LinkedHashMap<>();
            DeadLetterDesk.put(query, "type", type);
            DeadLetterDesk.put(query, "owner", owner);
            if (!DeadLetterDesk.ANY.equals(status)) {
                DeadLetterDesk.put(query, "status", status);
            }
            if (minAgeMinutes != null) {
                query.put("minAgeMinutes", minAgeMinutes.toString());
            }
            query.put("limit", Integer.toString(limit));
            return query;
        }

        boolean partnerMatches(ExceptionRow row) {
            return partner == null || partner.isBlank() || partner.trim().equalsIgnoreCase(row.partner());
        }
    }

    /** The items a list found, and what the services it could not ask answered. */
    public record Listing(List<ExceptionRow> items, List<Notice> problems) {
    }

    /** One item, its history, and a notice when it could not be read. */
    public record Detail(ExceptionRow item, List<HistoryRow> history, Notice notice) {
    }

    /** The actions on an item; each needs a comment. */
    public enum Action {

        RESOLVE("resolve", "resolution", "resolved"), RETRY("retry", "comment", "retried"), DISCARD("discard", "reason",
                "discarded");

        private final String path;
        private final String field;
        private final String done;

        Action(String path, String field, String done) {
            this.path = path;
            this.field = field;
            this.done = done;
        }

        public static Action of(String name) {
            for (Action action : values()) {
                if (action.path.equals(name)) {
                    return action;
                }
            }
            return null;
        }

        public String path() {
            return path;
        }
    }

    public List<String> services() {
        return config.services();
    }

    public Listing list(Person person, Filter filter) {
        List<ExceptionRow> items = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        for (String service : config.services()) {
            if (filter.service() != null && !filter.service().isBlank() && !filter.service().equals(service)) {
                continue;
            }
            Answer answer = gateway.list(person.token(), service, RESOURCE, filter.query(config.maxItems()));
            if (!answer.ok()) {
                Notice problem = answer.problem();
                problems.add(Notice.error(service + ": " + problem.title(), problem.detail()));
                continue;
            }
            Json.read(answer.body(), ROWS)
                    .stream()
                    .map(row -> row.from(service))
                    .filter(filter::partnerMatches)
                    .forEach(items::add);
        }
        items.sort(Comparator.comparing(ExceptionRow::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Listing(items, problems);
    }

    public Detail detail(Person person, String service, String id) {
        Answer item = gateway.get(person.token(), service, RESOURCE, id);
        if (!item.ok()) {
            return new Detail(null, List.of(), item.problem());
        }
        Answer history = gateway.view(person.token(), service, RESOURCE, id, "history");
        return new Detail(Json.read(item.body(), ExceptionRow.class).from(service),
                history.ok() ? Json.read(history.body(), HISTORY) : List.of(), history.ok() ? null : history.problem());
    }

    /** Acts on one item with the person's comment; answers the notice to show. */
    public Notice act(Person person, String service, String id, Action action, String comment) {
        if (comment == null || comment.isBlank()) {
            return Notice.error("A comment is required", "Say why you " + action.path + " this item: it is kept in the "
                    + "audit trail with your name.");
        }
        Answer answer = gateway.actOn(person.token(), service, RESOURCE, id, action.path,
                Json.write(Map.of(action.field, comment.trim())));
        if (!answer.ok()) {
            return answer.problem();
        }
        ExceptionRow row = Json.read(answer.body(), ExceptionRow.class);
        return Notice.done("Item " + action.done, row.type() + " " + row.businessKey() + " is " + row.status() + " by "
                + row.resolvedBy() + ".");
    }

    /** Acts on every open item of {@code selected} ({@code service/id} each), one by one; answers what happened. */
    public Notice actOnAll(Person person, List<String> selected, Action action, String comment) {
        if (comment == null || comment.isBlank()) {
            return act(person, null, null, action, comment);
        }
        int done = 0;
        List<String> refused = new ArrayList<>();
        for (String reference : selected.stream().limit(config.maxItems()).toList()) {
            int slash = reference.indexOf('/');
            if (slash < 1) {
                refused.add(reference + ": not an item reference");
                continue;
            }
            Notice outcome = act(person, reference.substring(0, slash), reference.substring(slash + 1), action, comment);
            if (outcome.error()) {
                refused.add(reference + ": " + outcome.title() + " " + outcome.detail());
            } else {
                done++;
            }
        }
        String summary = done + " of " + selected.size() + " items " + action.done;
        return refused.isEmpty()
                ? Notice.done(summary, "")
                : Notice.error(summary + ", " + refused.size() + " refused", String.join("; ", refused));
    }
}
