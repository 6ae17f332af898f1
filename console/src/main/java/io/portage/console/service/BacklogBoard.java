package io.portage.console.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.portage.console.client.Answer;
import io.portage.console.client.GatewayClient;
import io.portage.console.client.Notice;
import io.portage.console.config.ConsoleConfig;
import io.portage.console.model.BacklogItemRow;
import io.portage.console.model.BacklogRow;
import io.portage.console.model.Json;

/**
 * The backlogs that cost money across services: each service's backlogs the person's roles reach (each service
 * decides), with count and oldest, and one backlog's items oldest first.
 */
@ApplicationScoped
public class BacklogBoard {

    private static final String RESOURCE = "backlogs";
    private static final TypeReference<List<BacklogRow>> ROWS = new TypeReference<>() {
    };
    private static final TypeReference<List<BacklogItemRow>> ITEMS = new TypeReference<>() {
    };

    private final GatewayClient gateway;
    private final ConsoleConfig config;

    public BacklogBoard(GatewayClient gateway, ConsoleConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    /** The backlogs found, the most urgent (oldest waiting) first, and what the services it could not ask answered. */
    public record Listing(List<BacklogRow> backlogs, List<Notice> problems) {
    }

    /**
     * One backlog's oldest items, the backlog itself (title, count, kind of key; null when unknown), and a notice with
     * the answer's status when the items could not be read.
     */
    public record Items(String service, String name, BacklogRow backlog, List<BacklogItemRow> items, Notice notice,
            int status) {

        public String title() {
            return backlog == null ? name : backlog.title();
        }

        /** Whether the console's search finds an item by its key. */
        public boolean searchable() {
            return backlog != null && BacklogItemRow.searchable(backlog.itemKind());
        }
    }

    public Listing list(Person person) {
        List<BacklogRow> backlogs = new ArrayList<>();
        List<Notice> problems = new ArrayList<>();
        for (String service : config.services()) {
            Answer answer = gateway.list(person.token(), service, RESOURCE, Map.of());
            if (!answer.ok()) {
                Notice problem = answer.problem();
                problems.add(Notice.error(service + ": " + problem.title(), problem.detail()));
                continue;
            }
            Json.read(answer.body(), ROWS).stream().map(row -> row.from(service)).forEach(backlogs::add);
        }
        backlogs.sort(Comparator.comparing(BacklogRow::oldestAgeSeconds, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(BacklogRow::title));
        return new Listing(backlogs, problems);
    }

    public Items items(Person person, String service, String name) {
        if (!config.services().contains(service)) {
            return new Items(service, name, null, List.of(),
                    Notice.error("No such service", service + " is not one of " + config.services()), 404);
        }
        Answer answer = gateway.get(person.token(), service, RESOURCE, name);
        if (!answer.ok()) {
            return new Items(service, name, null, List.of(), answer.problem(), answer.status());
        }
        Answer summary = gateway.list(person.token(), service, RESOURCE, Map.of());
        BacklogRow backlog = summary.ok()
                ? Json.read(summary.body(), ROWS)
                        .stream()
                        .filter(row -> name.equals(row.name()))
                        .findFirst()
                        .map(row -> row.from(service))
                        .orElse(null)
                : null;
        return new Items(service, name, backlog, Json.read(answer.body(), ITEMS), null, 200);
    }
}
