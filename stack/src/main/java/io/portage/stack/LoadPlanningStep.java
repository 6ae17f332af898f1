package io.portage.stack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.partners.standin.LocalPartners;

/**
 * The demo's load planning: shipment-service has tendered the Shopify order's shipment to the TMS (the partners'
 * stand-in); the TMS plans it (carrier, pickup window) and calls the plan back signed; shipment-service books the
 * outbound dock appointment at yard-service with the realm's client shipment-service, and moves it when the TMS plans
 * again. Each step is read back from shipment-service's load plan and yard-service's appointment.
 */
final class LoadPlanningStep {

    /** The carrier the TMS assigns: the local stack's freight carrier. */
    private static final String CARRIER = "freightline";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Launcher launcher;
    private final DemoHttp web;
    private final String opsToken;

    LoadPlanningStep(Launcher launcher, DemoHttp web, String opsToken) {
        this.launcher = launcher;
        this.web = web;
        this.opsToken = opsToken;
    }

    void play(String orderId, LocalDate day) {
        String shipments = launcher.url("shipment-service") + "/api/v1/shipments";
        JsonNode found = web.await(shipments + "?orderId=" + orderId, opsToken, list -> list.isArray() && list.size() > 0,
                WITHIN,
                "a shipment planned for the Shopify order " + orderId);
        JsonNode shipment = found.get(0);
        String id = shipment.path("id").asText();
        String loadPlan = shipments + "/" + id + "/load-plan";
        JsonNode tendered = web.await(loadPlan, opsToken, load -> load.path("loadId").isTextual(), WITHIN,
                "shipment " + id + " tendered to the TMS (see ./portage logs shipment-service)");
        String loadId = tendered.path("loadId").asText();
        System.out.printf("%n   Load planning: shipment-service tendered the Shopify order's shipment %s (%s) to the TMS:"
                + " load %s %s%n", id.substring(0, 8), shipment.path("shipTo").path("city").asText(), loadId,
                tendered.path("status").asText());

        List<Instant[]> windows = freeWindows(day, 2);
        JsonNode first = plan(id, loadPlan, windows.get(0), 1);
        String appointmentId = first.path("appointmentId").asText();
        JsonNode booked = appointment(appointmentId);
        System.out.printf("   shipment-service books the outbound dock appointment at yard-service (client shipment-service, "
                + "appointments:write): appointment %s dock %s door %s %s-%s %s, reference %s%n",
                appointmentId.substring(0, 8), booked.path("dock").asText(), booked.path("door").asText(),
                time(booked.path("slotStart")), time(booked.path("slotEnd")), booked.path("status").asText(),
                booked.path("reference").asText());

        JsonNode second = plan(id, loadPlan, windows.get(1), 2);
        JsonNode moved = appointment(second.path("appointmentId").asText());
        if (!second.path("appointmentId").asText().equals(appointmentId)) {
            throw new IllegalStateException("The TMS's second plan booked another appointment (" + moved.path("id")
                    + ") instead of moving " + appointmentId);
        }
        System.out.printf("   -> the same appointment %s moved to %s-%s (%s)%n", appointmentId.substring(0, 8),
                time(moved.path("slotStart")), time(moved.path("slotEnd")), moved.path("status").asText());
    }

    /** The TMS plans the load (its next revision) for a window; the load plan once its appointment is booked there. */
    private JsonNode plan(String shipmentId, String loadPlan, Instant[] window, int revision) {
        DemoHttp.Reply told = web.post(PartnersProcess.tmsUrl(launcher.base()) + "/_standin/loads/" + shipmentId + "/plan",
                LocalPartners.TMS_API_KEY, """
                        {"carrier":"%s","pickupStart":"%s","pickupEnd":"%s"}""".formatted(CARRIER, window[0], window[1]),
                null);
        if (told.status() != 200) {
            throw new IllegalStateException("The TMS did not plan shipment " + shipmentId + ": " + told.status() + " "
                    + told.body());
        }
        System.out.printf("   The TMS %s (revision %d, called back signed to /webhooks/tms): %s picks up %s %s-%s%n",
                revision == 1 ? "plans it" : "plans it again", told.body().path("revision").asInt(),
                told.body().path("carrier").asText(), window[0].toString().substring(0, 10), time(window[0]),
                time(window[1]));
        JsonNode load = web.await(loadPlan, opsToken, l -> l.path("revision").asInt() == revision
                && (l.path("appointmentStatus").asText().equals("REFUSED")
                        || l.path("appointmentStatus").asText().equals("BOOKED")
                                && window[0].equals(Instant.parse(l.path("appointmentStart").asText()))),
                WITHIN, "the dock appointment of TMS plan revision " + revision + " for shipment " + shipmentId);
        if (load.path("appointmentStatus").asText().equals("REFUSED")) {
            throw new IllegalStateException("yard-service refused the dock appointment of shipment " + shipmentId + ": "
                    + load.path("appointmentError").asText());
        }
        return load;
    }

    private JsonNode appointment(String id) {
        DemoHttp.Reply reply = web.get(launcher.url("yard-service") + "/api/v1/appointments/" + id, opsToken);
        if (reply.status() != 200) {
            throw new IllegalStateException("Reading appointment " + id + " at yard-service failed: " + reply.status() + " "
                    + reply.body());
        }
        return reply.body();
    }

    /**
     * The first {@code count} one-hour windows, 09:00 to 20:00 UTC, that no appointment at WH1's outbound dock holds (an
     * earlier demo run's among them), on {@code from} or the first day after it that has them: the demo runs again and
     * again on the same stack.
     */
    private List<Instant[]> freeWindows(LocalDate from, int count) {
        for (LocalDate day = from; day.isBefore(from.plusDays(366)); day = day.plusDays(1)) {
            List<Instant[]> windows = freeWindowsOn(day, count);
            if (windows.size() == count) {
                return windows;
            }
        }
        throw new IllegalStateException("WH1's outbound dock " + Launcher.OUTBOUND_DOCK + " has no " + count
                + " free hours in the year from " + from + "; ./portage down starts afresh");
    }

    private List<Instant[]> freeWindowsOn(LocalDate day, int count) {
        DemoHttp.Reply reply = web.get(launcher.url("yard-service") + "/api/v1/appointments?site=WH1&date=" + day, opsToken);
        if (reply.status() != 200) {
            throw new IllegalStateException("Reading WH1's appointments failed: " + reply.status() + " " + reply.body());
        }
        List<Instant[]> windows = new ArrayList<>();
        for (int hour = 9; hour < 20 && windows.size() < count; hour++) {
            Instant start = day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
            Instant end = start.plus(Duration.ofHours(1));
            boolean taken = false;
            for (JsonNode held : reply.body()) {
                taken |= held.path("dock").asText().equals(Launcher.OUTBOUND_DOCK)
                        && !held.path("status").asText().equals("CANCELLED")
                        && Instant.parse(held.path("slotStart").asText()).isBefore(end)
                        && Instant.parse(held.path("slotEnd").asText()).isAfter(start);
            }
            if (!taken) {
                windows.add(new Instant[]{start, end});
            }
        }
        return windows;
    }

    private static String time(JsonNode instant) {
        return time(Instant.parse(instant.asText()));
    }

    private static String time(Instant instant) {
        return instant.toString().substring(11, 16);
    }
}
