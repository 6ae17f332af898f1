package io.portage.finance.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON finance-service keeps in its own columns (evidence, causes, terms): written and read with one mapper. */
@ApplicationScoped
public class FinanceJson {

    private final ObjectMapper json;

    public FinanceJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what this service wrote; anything else there is a broken row, not bad input. */
    public <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("finance-service holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
