package io.portage.kit.ops;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One waiting item of a backlog ({@code GET /ops/backlogs/{name}}): its key, since when it waits, and a detail. */
@RegisterForReflection
public record BacklogItemView(String item, Instant since, long ageSeconds, String detail) {
}
