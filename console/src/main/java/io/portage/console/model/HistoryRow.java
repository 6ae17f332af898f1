package io.portage.console.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One audit record of an item: who did what, when, with what outcome. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryRow(Instant at, String actor, String action, String outcome, String detail) {
}
