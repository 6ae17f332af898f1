package io.portage.edge.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.edge.domain.Priority;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One scanner or WMS event as posted to {@code /api/v1/events}: {@code id} optional (a UUID, assigned at the edge if
 * absent), {@code priority} optional ({@code NORMAL}), the rest required.
 */
@RegisterForReflection
public record EventRequest(
        @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", message = "must be a UUID") String id,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*", message = "must be lower-case and dotted, like scan.pick.confirmed") String type,
        @NotBlank @Size(max = 100) String key,
        Priority priority,
        @NotNull Instant occurredAt,
        @NotNull ObjectNode payload) {
}
