package io.portage.console.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A trailer's visit as yard-service answers it, with its appointment's reference, direction and shipments. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrailerVisitRow(Visit visit, String appointmentReference, String direction, List<String> shipments) {

    /** Where and when the visit was. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Visit(String visitId, String site, String status, String trailerNumber, String carrier, String door,
            Instant arrivedAt, Instant departedAt, Long dwellMinutes) {

        public String dwell() {
            return Ages.minutes(dwellMinutes);
        }
    }
}
