package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class AppointmentResourceTest {

    /** A Tuesday far enough ahead for every notice rule. */
    static final String DAY = "2030-11-26";

    /** Each test books on its own dock, so tests never collide. */
    private static final AtomicInteger DOCKS = new AtomicInteger();

    static String newDock() {
        return "D" + (100 + DOCKS.incrementAndGet());
    }

    static Map<String, Object> booking(String dock, String reference, String start, String end) {
        return new HashMap<>(Map.of("site", "WH1", "dock", dock, "direction", "INBOUND", "carrier", "Swift Freight",
                "reference", reference, "slotStart", DAY + "T" + start + ":00Z", "slotEnd", DAY + "T" + end + ":00Z"));
    }

    static Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .auth()
                .oauth2(TestTokens.partner("swift"))
                .body(body)
                .when()
                .post("/api/v1/appointments");
    }

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
    }

    @Test
    void booksADockAndPublishesAppointmentBooked() {
        String dock = newDock();
        String id = post(booking(dock, "PO-1", "07:00", "08:00")).then()
                .statusCode(201)
                .body("status", equalTo("SCHEDULED"))
                .body("door", equalTo(dock + "-1"))
                .body("partnerId", equalTo("swift"))
                .extract()
                .path("id");

        given().when().get("/api/v1/appointments/" + id).then().statusCode(200).body("dock", equalTo(dock));
        given().queryParam("site", "WH1")
                .queryParam("date", DAY)
                .when()
                .get("/api/v1/appointments")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));

        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.YARD, r -> id.equals(r.key()));
        assertThat(TestKafka.header(event, "ce_type")).isEqualTo("io.portage.yard.appointment-booked.v1");
        assertThat(TestKafka.header(event, "ce_partnerid")).isEqualTo("swift");
        assertThat(event.value()).contains("\"dock\":\"" + dock + "\"");
    }

    @Test
    void bookingTheSameAppointmentAgainReturnsIt() {
        String dock = newDock();
        String first = post(booking(dock, "PO-2", "09:00", "10:00")).then().statusCode(201).extract().path("id");
        post(booking(dock, "PO-2", "09:00", "10:00")).then().statusCode(200).body("id", equalTo(first));
    }

    @Test
    void anOverlappingBookingIsAConflictButBackToBackIsFine() {
        String dock = newDock();
        post(booking(dock, "PO-3", "10:00", "11:00")).then().statusCode(201);
        post(booking(dock, "PO-4", "10:45", "11:30")).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://docs.portage.io/problems/slot-taken"))
                .body("rule", equalTo("capacity"));
        post(booking(dock, "PO-5", "11:00", "12:00")).then().statusCode(201);
        post(booking(newDock(), "PO-6", "10:00", "11:00")).then().statusCode(201);
    }

    @Test
    void concurrentBookingsOfOneSlotLeaveExactlyOneWinner() {
        String dock = newDock();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> post(booking(dock, "PO-RACE-" + i, "13:00", "14:00")).statusCode(), pool))
                    .toList();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("site", "WH1")
                .queryParam("date", DAY)
                .when()
                .get("/api/v1/appointments")
                .then()
                .body("findAll { it.dock == '" + dock + "' }", hasSize(1));
    }

    @Test
    void invalidBookingsAreProblemsWithFieldPaths() {
        // Off the site's grid is a booking rule now: 422 naming the rule; a slot that ends before it starts stays a 400.
        post(booking(newDock(), "PO-7", "07:10", "08:00")).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("slot-grid"))
                .body("violations[0].field", equalTo("slotStart"));
        post(booking(newDock(), "PO-7", "08:00", "07:00")).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("slotEnd"));
        Map<String, Object> bad = booking("dock 1", "", "07:00", "08:00");
        bad.put("direction", "SIDEWAYS");
        post(bad).then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> missing = booking(newDock(), "PO-8", "07:00", "08:00");
        missing.remove("slotStart");
        missing.put("dock", "dock 1");
        post(missing).then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItems("dock", "slotStart"));
        given().queryParam("site", "WH1")
                .when()
                .get("/api/v1/appointments")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("date"));
        given().when().get("/api/v1/appointments/" + UUID.randomUUID()).then().statusCode(404);
    }
}
