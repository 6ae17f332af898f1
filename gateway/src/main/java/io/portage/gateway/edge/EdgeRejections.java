package io.portage.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetters;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the edge events the gateway rejects as its own dead letters (consumer {@code edge-intake}), so operators see,
 * correct and replay them centrally; the edge keeps its copy too. A rejected event sent again is the same letter; one
 * later accepted from the edge (fixed there) closes its letter.
 */
@ApplicationScoped
public class EdgeRejections {

    /** The letters' consumer: the intake's inbox consumer. */
    public static final String CONSUMER = EdgeIntake.CONSUMER;
    static final String SITE = "portage_site";
    static final String PARTNER = "portage_partner";
    static final String CORRELATION = "correlation_id";

    private final DeadLetters letters;

    public EdgeRejections(DeadLetters letters) {
        this.letters = letters;
    }

    /** An event refused for good, and why. */
    public record Rejected(JsonNode event, String reason) {
    }

    /** Stores the rejections (in their own transaction) before the edge is answered. */
    public Uni<Void> keep(String site, String partnerId, String correlationId, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<DeadLetter> kept = new ArrayList<>(rejected.size());
        for (Rejected one : rejected) {
            String id = one.event().get("id").asText();
            kept.add(letters.letterFor(CONSUMER, coordinates(site, id), text(one.event(), "key", 200), id,
                    text(one.event(), "type", 120), headers(site, partnerId, correlationId), one.event().toString(),
                    one.reason()));
        }
        return letters.capture(kept);
    }

    /** Closes the open letters of events now accepted from the edge: the site fixed and resent them itself. */
    public Uni<Void> settleAccepted(String site, List<String> acceptedIds, String correlationId) {
        if (acceptedIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> letters
                .find("consumer = ?1 and status = ?2 and topic = ?3 and eventId in ?4", CONSUMER, DeadLetter.Status.OPEN,
                        topic(site), acceptedIds)
                .list())
                .chain(open -> Multi.createFrom()
                        .iterable(open)
                        .onItem()
                        .transformToUniAndConcatenate(letter -> letters.discard(letter.id(), "edge:" + site,
                                "resolved at the edge: sent again and accepted", correlationId))
                        .collect()
                        .last()
                        .replaceWithVoid());
    }

    /**
     * Where a letter came from: the site's edge, and the event's id folded into the offset, so the same event rejected
     * again is found as the same letter (a random UUID's high 64 bits hold 58 random ones).
     */
    static DeadLetter.KafkaCoordinates coordinates(String site, String eventId) {
        return new DeadLetter.KafkaCoordinates(topic(site), -1,
                UUID.fromString(eventId).getMostSignificantBits() & Long.MAX_VALUE);
    }

    static String topic(String site) {
        return "edge:" + site;
    }

    private static Map<String, String> headers(String site, String partnerId, String correlationId) {
        return correlationId == null
                ? Map.of(SITE, site, PARTNER, partnerId)
                : Map.of(SITE, site, PARTNER, partnerId, CORRELATION, correlationId);
    }

    private static String text(JsonNode event, String field, int max) {
        JsonNode value = event.get(field);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.length() > max ? text.substring(0, max) : text;
    }
}
