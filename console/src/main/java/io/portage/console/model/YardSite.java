package io.portage.console.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A site of the yard board as yard-service answers it: its doors with the truck at each, and the trucks on site. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record YardSite(String site, int doors, int doorsOccupied, int trucksOnSite, Long longestDwellMinutes,
        List<Door> doorList, List<Truck> onSite) {

    /** A door and the truck at it (none: free). */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Door(String dock, String door, List<String> loadTypes, String visitId, String trailerNumber,
            String carrier, Long dwellMinutes) {

        public boolean free() {
            return visitId == null;
        }

        public String dwell() {
            return Ages.minutes(dwellMinutes);
        }

        /** What the door takes, for people: {@code DRY, REEFER}, or {@code any load}. */
        public String takes() {
            return loadTypes == null || loadTypes.isEmpty() ? "any load" : String.join(", ", loadTypes);
        }
    }

    /** A truck's visit on site. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Truck(String visitId, String status, String appointmentRef, String carrier, String trailerNumber,
            String yardSpot, String door, Instant arrivedAt, Long dwellMinutes) {

        public String dwell() {
            return Ages.minutes(dwellMinutes);
        }

        /** Whether it has stood long enough (two hours) to look at. */
        public boolean lingering() {
            return dwellMinutes != null && dwellMinutes >= 120;
        }
    }

    public String longestDwell() {
        return Ages.minutes(longestDwellMinutes);
    }

    /** The occupied doors only: what a glance at a large site needs. */
    public List<Door> occupied() {
        return doorList.stream().filter(door -> !door.free()).toList();
    }

    public int free() {
        return doors - doorsOccupied;
    }
}
