package io.portage.console.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One entry of a shipment's timeline: when, what kind, what, the carrier's code and where. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimelineRow(Instant at, String kind, String summary, String carrierCode, String place) {
}
