package io.portage.yard;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.portage.testsupport.TestTokens;
import io.restassured.http.ContentType;

/** Sites the tests book at, defined through the operators' API. */
final class YardSites {

    private YardSites() {
    }

    static Map<String, Object> hours(String opens, String closes) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            days.add(Map.of("day", day, "opens", opens, "closes", closes));
        }
        return Map.of("openingHours", days);
    }

    static Map<String, Object> door(String code, String... loadTypes) {
        return Map.of("code", code, "loadTypes", List.of(loadTypes));
    }

    static Map<String, Object> dock(String code, List<Map<String, Object>> doors) {
        return Map.of("code", code, "doors", doors);
    }

    /** WH1 (UTC, every day 05:00-22:00, 15-minute grid, no notice rules): docks D101-D199 of one door each, and MULTI. */
    static void defineWh1() {
        List<Map<String, Object>> docks = new ArrayList<>(IntStream.rangeClosed(101, 199)
                .mapToObj(i -> dock("D" + i, List.of(door("D" + i + "-1"))))
                .toList());
        docks.add(dock("MULTI", List.of(door("M3"), door("M1", "DRY"), door("M2", "REEFER"))));
        Map<String, Object> site = new HashMap<>(hours("05:00", "22:00"));
        site.putAll(Map.of("timeZone", "UTC", "slotMinutes", 15, "docks", docks));
        define("WH1", site);
    }

    /** Books an inbound 08:00-09:00 slot on {@code day} at {@code site} and {@code dock} as carrier swift; its id. */
    static String book(String site, String dock, String reference, String day) {
        return given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(Map.of("site", site, "dock", dock, "direction", "INBOUND", "carrier", "Swift Freight", "reference",
                        reference, "slotStart", day + "T08:00:00Z", "slotEnd", day + "T09:00:00Z"))
                .post("/api/v1/appointments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void define(String site, Map<String, Object> definition) {
        given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.ops("site-admin"))
                .body(definition)
                .when()
                .put("/ops/yard/sites/" + site)
                .then()
                .statusCode(200);
    }
}
