package io.portage.edge.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The gateway's 2xx answer to a forwarded batch: one result per event, {@code accepted}, {@code duplicate} or {@code rejected}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForwardResponse(List<Result> results) {

    /** What the gateway did with one event; {@code reason} says why it was rejected. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(UUID id, String status, String reason) {
    }
}
