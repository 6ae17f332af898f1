package io.portage.kit.ops;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A backlog as {@code GET /ops/backlogs} shows it: how many items wait, since when the oldest has waited, and where
 * its items are listed ({@code items}, a path of the service's operations API).
 */
@RegisterForReflection
public record BacklogView(String name, String title, String ownerRole, String itemKind, long count, Instant oldest,
        Long oldestAgeSeconds, String items) {
}
