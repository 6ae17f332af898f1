package io.portage.kit.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/** The correlation id of the current request: the caller's {@code X-Correlation-Id}, or a new one. */
@RequestScoped
public class CorrelationContext {

    private String id;

    public String id() {
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        return id;
    }

    void use(String id) {
        this.id = id;
    }
}
