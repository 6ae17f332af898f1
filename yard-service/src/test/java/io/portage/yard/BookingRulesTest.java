package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Bookings refused by each rule of a site, doors as capacity, and the operators' API that defines them. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class BookingRulesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate CLOSED = TODAY.plusDays(5);

    @BeforeEach
    void defineSites() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
        // RULES: UTC, 06:00-20:00 daily, 30-minute grid, 2 h to 10 days notice, cut-off 00:00 the day before, one closed day.
        Map<String, Object> rules = new HashMap<>(YardSites.hours("06:00", "20:00"));
        rules.putAll(Map.of("timeZone", "UTC", "slotMinutes", 30, "closedDays", List.of(CLOSED.toString()),
                "minNoticeMinutes", 120, "maxNoticeDays", 10, "nextDayCutoff", "00:00",
                "docks", List.of(YardSites.dock("R", List.of(YardSites.door("R1", "DRY"))))));
        YardSites.define("RULES", rules);
    }

    static Map<String, Object> booking(String site, String dock, LocalDate day, String start, String end) {
        return new HashMap<>(Map.of("site", site, "dock", dock, "direction", "INBOUND", "carrier", "Swift Freight",
                "reference", "REF-" + day + start + dock, "slotStart", day + "T" + start + ":00Z", "slotEnd",
                day + "T" + end + ":00Z"));
    }

    static Response asCarrier(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(body)
                .when()
                .post("/api/v1/appointments");
    }

    static void refusedBy(Map<String, Object> body, String rule, String field) {
        asCarrier(body).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/booking-refused"))
                .body("rule", equalTo(rule))
                .body("violations[0].field", equalTo(field));
    }

    @Test
    void eachRuleRefusesWithItsName() {
        LocalDate inThreeDays = TODAY.plusDays(3);
        asCarrier(booking("RULES", "R", inThreeDays, "09:00", "10:00")).then().statusCode(201);
        refusedBy(booking("NOWHERE", "R", inThreeDays, "09:00", "10:00"), "site", "site");
        refusedBy(booking("RULES", "X", inThreeDays, "09:00", "10:00"), "dock", "dock");
        Map<String, Object> reefer = booking("RULES", "R", inThreeDays, "11:00", "12:00");
        reefer.put("loadType", "REEFER");
        refusedBy(reefer, "load-type", "loadType");
        refusedBy(booking("RULES", "R", inThreeDays, "09:15", "10:00"), "slot-grid", "slotStart");
        refusedBy(booking("RULES", "R", CLOSED, "09:00", "10:00"), "closed-day", "slotStart");
        refusedBy(booking("RULES", "R", inThreeDays, "05:30", "06:30"), "opening-hours", "slotStart");
        refusedBy(booking("RULES", "R", inThreeDays, "19:30", "20:30"), "opening-hours", "slotStart");
        refusedBy(booking("RULES", "R", TODAY.minusDays(1), "09:00", "10:00"), "min-notice", "slotStart");
        refusedBy(booking("RULES", "R", TODAY.plusDays(12), "09:00", "10:00"), "max-notice", "slotStart");
        // Bookings for tomorrow closed at midnight.
        refusedBy(booking("RULES", "R", TODAY.plusDays(1), "18:00", "19:00"), "next-day-cutoff", "slotStart");
        asCarrier(booking("RULES", "R", inThreeDays, "09:30", "10:30")).then()
                .statusCode(409)
                .body("rule", equalTo("capacity"));
        // An operator books past the carriers' notice and cut-off.
        given().contentType(ContentType.JSON)
                .body(booking("RULES", "R", TODAY.plusDays(1), "18:00", "19:00"))
                .when()
                .post("/api/v1/appointments")
                .then()
                .statusCode(201);
    }

    @Test
    void aDockBooksAsManyParallelSlotsAsItHasDoorsTakingTheLoad() {
        LocalDate day = LocalDate.parse(AppointmentResourceTest.DAY).plusDays(1);
        Map<String, Object> dry = booking("WH1", "MULTI", day, "08:00", "09:00");
        dry.put("loadType", "DRY");
        asCarrier(dry).then().statusCode(201).body("door", equalTo("M1"));
        dry.put("reference", "DRY-2");
        asCarrier(dry).then().statusCode(201).body("door", equalTo("M3"));
        dry.put("reference", "DRY-3");
        asCarrier(dry).then().statusCode(409).body("rule", equalTo("capacity"));
        Map<String, Object> reefer = booking("WH1", "MULTI", day, "08:30", "09:30");
        reefer.put("loadType", "REEFER");
        asCarrier(reefer).then().statusCode(201).body("door", equalTo("M2"));
    }

    @Test
    void concurrentBookingsOfATwoDoorDockLeaveExactlyTwoWinnersOnTwoDoors() {
        LocalDate day = LocalDate.parse(AppointmentResourceTest.DAY).plusDays(2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Response>> calls = IntStream.range(0, 6).mapToObj(i -> {
                Map<String, Object> body = booking("WH1", "MULTI", day, "13:00", "14:00");
                body.put("loadType", "DRY");
                body.put("reference", "RACE-" + i);
                return CompletableFuture.supplyAsync(() -> asCarrier(body), pool);
            }).toList();
            List<Response> answers = calls.stream().map(CompletableFuture::join).toList();
            assertThat(answers).extracting(Response::statusCode).containsOnly(201, 409);
            assertThat(answers).filteredOn(r -> r.statusCode() == 201)
                    .extracting(r -> r.<String>path("door"))
                    .containsExactlyInAnyOrder("M1", "M3");
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("site", "WH1")
                .queryParam("date", day.toString())
                .when()
                .get("/api/v1/appointments")
                .then()
                .body("findAll { it.dock == 'MULTI' && it.slotStart.startsWith('" + day + "T13') }", hasSize(2));
    }

    @Test
    void operatorsDefineAndReadASiteOthersMayNot() {
        given().when()
                .get("/ops/yard/sites/RULES")
                .then()
                .statusCode(200)
                .body("slotMinutes", equalTo(30))
                .body("nextDayCutoff", equalTo("00:00:00"))
                .body("docks[0].doors[0].loadTypes[0]", equalTo("DRY"));
        given().auth().oauth2(TestTokens.partner("swift")).when().get("/ops/yard/sites/RULES").then().statusCode(403);
        given().when().get("/ops/yard/sites/UNKNOWN").then().statusCode(404);
        Map<String, Object> bad = new HashMap<>(YardSites.hours("06:00", "20:00"));
        bad.putAll(Map.of("timeZone", "Mars/Olympus", "slotMinutes", 30, "docks",
                List.of(YardSites.dock("R", List.of(YardSites.door("R1"))))));
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .put("/ops/yard/sites/BAD")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("timeZone"));
        bad.put("timeZone", "UTC");
        bad.put("slotMinutes", 25);
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .put("/ops/yard/sites/BAD")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("slotMinutes"));
        bad.put("slotMinutes", 15);
        bad.put("docks", List.of(YardSites.dock("R", List.of(YardSites.door("R1"), YardSites.door("R1")))));
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .put("/ops/yard/sites/BAD")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("docks[0].doors[1].code"));
    }
}
