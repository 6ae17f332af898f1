package io.portage.yard.messaging;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventType;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;

/**
 * A consumer of one event type of a topic, in any order: reads that type's data into one item (other types: nothing;
 * an unreadable payload is a dead letter), the inbox keyed by event id. Subclasses say what an item is and apply them.
 */
abstract class OneTypeHandler<D, T> implements BatchHandler<T> {

    private final String consumer;
    private final EventType type;
    private final Class<D> dataClass;
    private final ObjectMapper json;

    OneTypeHandler(String consumer, EventType type, Class<D> dataClass, ObjectMapper json) {
        this.consumer = consumer;
        this.type = type;
        this.dataClass = dataClass;
        this.json = json;
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public List<T> read(SequencedEvent event) {
        if (!type.type().equals(event.type())) {
            return List.of();
        }
        return List.of(item(event.eventId(), event.data(json, dataClass)));
    }

    /**
     * The item of one event's data.
     *
     * @throws IllegalArgumentException when the data is incomplete
     */
    abstract T item(String eventId, D data);
}
