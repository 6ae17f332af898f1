package io.portage.kit.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.portage.contracts.CloudEventAttributes;

/**
 * Carries one trace across the event path: the context of the transaction that staged an event is kept in the outbox,
 * the relay's publish span continues it and travels as the record's W3C {@code traceparent} header, and each consuming
 * service opens a process span under it. One order can then be followed from the partner's request to every service
 * that acted on it; the correlation id rides along as an attribute.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event_subject");
    public static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("portage.correlation_id");
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("portage.consumer");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The W3C headers ({@code traceparent}, {@code tracestate}) of the current span; empty outside any trace. */
    public static Map<String, String> currentContext() {
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.current(), headers, Map::put);
        return headers;
    }

    /**
     * Starts the span of publishing one outbox event, under the context it was staged in; the returned headers carry
     * the new span to consumers.
     */
    Publishing publishing(String topic, String eventId, String type, String subject, String correlationId,
            Map<String, String> stagedIn) {
        Span span = tracer.spanBuilder("send " + topic)
                .setParent(W3C.extract(Context.root(), stagedIn, FROM_MAP))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "send")
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, type)
                .setAttribute(EVENT_SUBJECT, subject)
                .setAttribute(CORRELATION_ID, correlationId)
                .startSpan();
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.root().with(span), headers, Map::put);
        return new Publishing(span, headers);
    }

    /** A publish span and the headers that continue it. */
    record Publishing(Span span, Map<String, String> headers) {

        void sent() {
            span.end();
        }

        void failed(Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? "" : failure.getMessage());
            span.end();
        }
    }

    /**
     * Starts one process span per delivered event, each the child of the span that published it (its
     * {@code traceparent} header), named after the event type, with the consumer and the correlation id.
     */
    public Processing processing(String consumer, List<SequencedEvent> events) {
        List<Span> spans = new ArrayList<>(events.size());
        for (SequencedEvent event : events) {
            spans.add(tracer.spanBuilder("process " + event.type())
                    .setParent(W3C.extract(Context.root(), event.headers(), FROM_MAP))
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(MESSAGING_SYSTEM, "kafka")
                    .setAttribute(OPERATION, "process")
                    .setAttribute(MESSAGE_ID, event.eventId())
                    .setAttribute(EVENT_TYPE, event.type())
                    .setAttribute(EVENT_SUBJECT, event.subject())
                    .setAttribute(CONSUMER, consumer)
                    .setAttribute(CORRELATION_ID, event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID))
                    .startSpan());
        }
        return new Processing(spans);
    }

    /** The process spans of one delivered batch, ended together when the batch is applied (or not). */
    public record Processing(List<Span> spans) {

        public void applied() {
            spans.forEach(Span::end);
        }

        public void failed(Throwable failure) {
            for (Span span : spans) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? "" : failure.getMessage());
                span.end();
            }
        }
    }
}
