package io.portage.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.gateway.config.GatewayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Turns the domain events that belong to a partner (CloudEvents extension {@code partnerid}) into deliveries for that
 * partner's active subscriptions that want the type: one statement per Kafka batch, committed before the batch is
 * acknowledged, once per subscription and event id however often Kafka redelivers. A partner's subscription never
 * receives another partner's event: the match is on the event's own partner id, set by the service that staged it.
 */
@ApplicationScoped
public class PartnerEvents {

    private static final String ENQUEUE = """
            insert into {h-schema}webhook_delivery (subscription_id, event_id, event_type, body, status, next_attempt_at,
                                                    created_at)
            select s.id, e.event_id, e.event_type, e.body, 'PENDING', :now, :now
            from unnest(cast(:partners as varchar[]), cast(:ids as varchar[]), cast(:types as varchar[]),
                        cast(:bodies as text[])) as e(partner_id, event_id, event_type, body)
            join {h-schema}webhook_subscription s
              on s.partner_id = e.partner_id and s.status = 'ACTIVE'
             and (e.event_type = any(s.event_types) or '*' = any(s.event_types))
            on conflict (subscription_id, event_id) do nothing""";

    private final ObjectMapper json;
    private final boolean enabled;

    public PartnerEvents(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.enabled = config.webhooks().enabled();
    }

    @Incoming("partner-events")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        List<String> partners = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            Headers headers = record.getHeaders();
            String partner = header(headers, "ce_partnerid");
            String id = header(headers, "ce_id");
            String type = header(headers, "ce_type");
            if (!enabled || partner == null || partner.isBlank() || id == null || type == null) {
                continue; // not a partner's event: nothing to deliver
            }
            String body = structured(headers, record.getPayload());
            if (body == null) {
                Log.warnf("Event %s (%s) has no readable JSON data; not delivered to webhooks", id, type);
                continue;
            }
            partners.add(partner);
            ids.add(id);
            types.add(type);
            bodies.add(body);
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(ENQUEUE)
                        .setParameter("partners", partners.toArray(String[]::new))
                        .setParameter("ids", ids.toArray(String[]::new))
                        .setParameter("types", types.toArray(String[]::new))
                        .setParameter("bodies", bodies.toArray(String[]::new))
                        .setParameter("now", now)
                        .executeUpdate()))
                .invoke(queued -> Log.debugf("%d webhook deliveries queued from %d partner events", (Object) queued,
                        ids.size()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .atMost(8)
                .replaceWithVoid();
    }

    /** The event in CloudEvents structured JSON: its {@code ce_} attributes and its data. */
    private String structured(Headers headers, String payload) {
        try {
            ObjectNode event = json.createObjectNode();
            for (Header header : headers) {
                if (header.key().startsWith("ce_") && header.value() != null) {
                    event.put(header.key().substring(3), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            event.put("datacontenttype", "application/json");
            JsonNode data = payload == null ? null : json.readTree(payload);
            if (data == null) {
                return null;
            }
            event.set("data", data);
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
