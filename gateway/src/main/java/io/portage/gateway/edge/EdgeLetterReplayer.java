package io.portage.gateway.edge;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.kit.ops.DeadLetter;
import io.portage.kit.ops.DeadLetterReplayer;
import io.smallrye.mutiny.Uni;

/**
 * Takes a rejected edge event in again when an operator replays its letter, as sent or corrected: through the same
 * mapping and inbox as the edge's batches, for the site that sent it. A corrected event keeps its id, so the edge's own
 * copy, replayed there later, is a duplicate.
 */
@ApplicationScoped
public class EdgeLetterReplayer implements DeadLetterReplayer {

    private final EdgeIntake intake;
    private final ObjectMapper json;

    public EdgeLetterReplayer(EdgeIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @Override
    public String consumer() {
        return EdgeRejections.CONSUMER;
    }

    @Override
    public Uni<Void> replay(DeadLetter letter, String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("the payload is not JSON: " + e.getOriginalMessage()));
        }
        if (event == null || !event.isObject()) {
            return Uni.createFrom().failure(new IllegalArgumentException("the payload must be the edge event's JSON object"));
        }
        JsonNode id = event.get("id");
        if (id == null || id.isNull()) {
            ((ObjectNode) event).put("id", letter.eventId());
        } else if (!letter.eventId().equals(id.asText())) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("a corrected event keeps its id " + letter.eventId()
                            + ", not " + id.asText()));
        }
        Map<String, String> headers = letter.headerMap();
        return intake.apply(headers.get(EdgeRejections.SITE), headers.get(EdgeRejections.PARTNER), List.of(event),
                headers.get(EdgeRejections.CORRELATION))
                .chain(results -> {
                    EdgeIntake.Result result = results.get(0);
                    return "rejected".equals(result.status())
                            ? Uni.createFrom().failure(new IllegalArgumentException(result.reason()))
                            : Uni.createFrom().voidItem();
                });
    }
}
