package io.portage.kit.events;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventType;

/**
 * A consumer of one event type of a topic, in any order: reads that type's data into one item (other types: nothing;
 * an unreadable or incomplete payload is a dead letter). Subclasses say what an item is, its inbox key (usually the
 * event id it carries) and how a batch of them is applied.
 */
public abstract class OneTypeHandler<D, T> implements BatchHandler<T> {

    private final String consumer;
    private final EventType type;
    private final Class<D> dataClass;
    private final ObjectMapper json;

    protected OneTypeHandler(String consumer, EventType type, Class<D> dataClass, ObjectMapper json) {
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
        return List.of(item(event, event.data(json, dataClass)));
    }

    /**
     * The item of one event's data (the event for its id and headers).
     *
     * @throws IllegalArgumentException when the data is incomplete
     */
    protected abstract T item(SequencedEvent event, D data);
}
