package io.portage.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.portage.console.client.Answer;
import io.portage.console.client.GatewayClient;
import io.portage.console.client.Notice;
import io.portage.console.model.Json;
import io.portage.console.model.ShipmentRow;
import io.portage.console.model.TimelineRow;
import io.portage.console.model.TrailerVisitRow;

/**
 * One search for a shipment's timeline: the text is tried as Portage's order id, the channel's order number, an Odoo
 * reference, a tracking number and a trailer (its visits' appointments name their shipments), each exact; every
 * shipment found comes with its timeline.
 */
@ApplicationScoped
public class ShipmentSearch {

    /** The most shipments a search shows with their timelines. */
    static final int MAX_SHIPMENTS = 10;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern TRAILER = Pattern.compile("[A-Za-z0-9 ._-]{1,64}");
    private static final TypeReference<List<ShipmentRow>> SHIPMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<TimelineRow>> TIMELINE = new TypeReference<>() {
    };
    private static final TypeReference<List<TrailerVisitRow>> VISITS = new TypeReference<>() {
    };

    private final GatewayClient gateway;

    public ShipmentSearch(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** A shipment found, how (which kind of reference matched), and its timeline. */
    public record Found(ShipmentRow shipment, String how, List<TimelineRow> timeline) {
    }

    /** What a search found: shipments with timelines, a trailer's visits, and the lookups that were refused. */
    public record Result(String query, List<Found> shipments, List<TrailerVisitRow> visits, List<Notice> problems) {

        public boolean searched() {
            return query != null && !query.isBlank();
        }
    }

    public Result find(Person person, String text) {
        String query = text == null ? "" : text.trim();
        if (query.isEmpty()) {
            return new Result(query, List.of(), List.of(), List.of());
        }
        if (query.length() > 100) {
            return new Result(query, List.of(), List.of(),
                    List.of(Notice.error("Too long", "Search for at most 100 characters.")));
        }
        Map<String, ShipmentRow> shipments = new LinkedHashMap<>();
        Map<String, String> how = new LinkedHashMap<>();
        List<Notice> problems = new ArrayList<>();
        if (UUID.matcher(query).matches()) {
            lookUp(person, "orderId", query, "order id", shipments, how, problems);
        }
        lookUp(person, "orderNumber", query, "order number", shipments, how, problems);
        if (query.length() <= 64) {
            lookUp(person, "odooRef", query, "Odoo reference", shipments, how, problems);
        }
        if (TRACKING.matcher(query).matches()) {
            lookUp(person, "trackingNumber", query, "tracking number", shipments, how, problems);
        }
        List<TrailerVisitRow> visits = List.of();
        if (TRAILER.matcher(query).matches()) {
            Answer answer = gateway.trailerVisits(person.token(), query);
            if (answer.ok()) {
                visits = Json.read(answer.body(), VISITS);
                for (TrailerVisitRow visit : visits) {
                    for (String id : visit.shipments()) {
                        shipments.putIfAbsent(id, ShipmentRow.of(id));
                        how.putIfAbsent(id, "trailer " + query + " (visit " + visit.visit().visitId() + " at "
                                + visit.visit().site() + ", appointment " + visit.appointmentReference() + ")");
                    }
                }
            } else {
                problems.add(named("Trailer", answer));
            }
        }
        List<Found> found = new ArrayList<>();
        shipments.values().stream().limit(MAX_SHIPMENTS).forEach(shipment -> {
            Answer timeline = gateway.timeline(person.token(), shipment.id());
            if (!timeline.ok()) {
                problems.add(named("Timeline of " + shipment.id(), timeline));
            }
            found.add(new Found(shipment, how.get(shipment.id()),
                    timeline.ok() ? Json.read(timeline.body(), TIMELINE) : List.of()));
        });
        if (shipments.size() > MAX_SHIPMENTS) {
            problems.add(Notice.error("More found", shipments.size() + " shipments match; the first " + MAX_SHIPMENTS
                    + " are shown. Search for something more precise."));
        }
        return new Result(query, found, visits, problems);
    }

    private void lookUp(Person person, String parameter, String value, String kind, Map<String, ShipmentRow> into,
            Map<String, String> how, List<Notice> problems) {
        Answer answer = gateway.shipments(person.token(), Map.of(parameter, value, "limit", "20"));
        if (!answer.ok()) {
            problems.add(named("By " + kind, answer));
            return;
        }
        for (ShipmentRow shipment : Json.read(answer.body(), SHIPMENTS)) {
            into.putIfAbsent(shipment.id(), shipment);
            how.putIfAbsent(shipment.id(), kind + " " + value);
        }
    }

    private static Notice named(String what, Answer answer) {
        Notice problem = answer.problem();
        return Notice.error(what + ": " + problem.title(), problem.detail());
    }
}
