package io.portage.edge.rest;

import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code POST /api/v1/dead-letters/replay}: the ids to replay, or none (or no body) for all of them. */
@RegisterForReflection
public record ReplayRequest(List<UUID> ids) {
}
