package io.portage.yard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The yard board and a trailer's visits from real scans, for operators and the warehouse only; the appointments at
 * risk backlog counts an appointment whose truck reported itself late.
 */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "yard"))
class YardBoardTest {

    private static final String ALICE = TestTokens.ops("ops.alice");
    private static final String WALT = TestTokens.person("warehouse.walt", "warehouse");
    private static final String FIONA = TestTokens.person("finance.fiona", "finance");

    @BeforeEach
    void defineSites() {
        TestTokens.actAsOperator("test-operator");
        YardSites.defineWh1();
    }

    @Test
    void theBoardShowsEachDoorWithItsTruckAndTheTrucksOnSiteWithTheirDwell() {
        String appointment = VisitConsumerTest.book("D198", "ASN-BOARD-1");
        String visitId = "V-" + UUID.randomUUID().toString().substring(0, 8);
        String trailer = "BRD " + visitId.substring(2);
        Instant arrived = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(95));
        VisitConsumerTest.produce(List.of(
                VisitConsumerTest.scan(visitId, "GATE_IN", arrived, Map.of("appointmentRef", appointment,
                        "trailerNumber", trailer, "carrier", "Swift Freight")),
                VisitConsumerTest.scan(visitId, "DOOR_ASSIGNED", arrived.plusSeconds(300), Map.of("door", "D198-1"))));
        await().atMost(VisitConsumerTest.WAIT)
                .untilAsserted(() -> VisitConsumerTest.visit(visitId)
                        .statusCode(200)
                        .body("door", equalTo("D198-1")));

        JsonPath board = given().auth().oauth2(WALT).get("/ops/yard/board").then().statusCode(200).extract().jsonPath();
        String wh1 = "find { it.site == 'WH1' }";
        assertThat(board.getInt(wh1 + ".doors")).isEqualTo(102);
        assertThat(board.getInt(wh1 + ".doorsOccupied")).isPositive();
        assertThat(board.getLong(wh1 + ".longestDwellMinutes")).isGreaterThanOrEqualTo(95);
        Map<String, Object> door = board.getMap(wh1 + ".doorList.find { it.door == 'D198-1' }");
        assertThat(door).containsEntry("dock", "D198")
                .containsEntry("visitId", visitId)
                .containsEntry("trailerNumber", trailer)
                .containsEntry("carrier", "Swift Freight");
        assertThat(((Number) door.get("dwellMinutes")).longValue()).isBetween(95L, 97L);
        assertThat(board.getMap(wh1 + ".doorList.find { it.door == 'D199-1' }")).containsEntry("visitId", null);
        assertThat(board.getList(wh1 + ".onSite.visitId", String.class)).contains(visitId);

        JsonPath visits = given().auth()
                .oauth2(ALICE)
                .queryParam("trailer", trailer)
                .get("/ops/yard/visits")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(visits.getList("visit.visitId", String.class)).containsExactly(visitId);
        assertThat(visits.getString("[0].appointmentReference")).isEqualTo("ASN-BOARD-1");
        assertThat(visits.getString("[0].direction")).isEqualTo("INBOUND");
        given().auth()
                .oauth2(WALT)
                .queryParam("trailer", "NO SUCH TRAILER")
                .get("/ops/yard/visits")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        given().auth().oauth2(FIONA).get("/ops/yard/board").then().statusCode(403);
        given().auth().oauth2(FIONA).queryParam("trailer", trailer).get("/ops/yard/visits").then().statusCode(403);
        given().auth().oauth2(WALT).get("/ops/yard/visits").then().statusCode(400);
        given().auth().oauth2(WALT).queryParam("trailer", "x;drop").get("/ops/yard/visits").then().statusCode(400);
        given().auth().none().get("/ops/yard/board").then().statusCode(401);
    }

    @Test
    void anAppointmentWhoseTruckReportsItselfLateIsInTheWarehousesBacklog() {
        String appointment = VisitConsumerTest.book("D199", "ASN-BACKLOG-1");
        Instant reported = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        ArrivalForecastTest.eta(appointment, "swift", Map.of("source", "TELEMATICS", "estimatedArrival",
                ArrivalForecastTest.SLOT.plusSeconds(3600).toString(), "reportedAt", reported.toString()))
                .statusCode(200);

        List<Map<String, Object>> backlogs = given().auth()
                .oauth2(WALT)
                .get("/ops/backlogs")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(backlogs).singleElement().satisfies(backlog -> {
            assertThat(backlog).containsEntry("name", "appointments-at-risk").containsEntry("ownerRole", "warehouse");
            assertThat((Integer) backlog.get("count")).isPositive();
        });
        List<Map<String, Object>> items = given().auth()
                .oauth2(WALT)
                .get("/ops/backlogs/appointments-at-risk")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(items).anySatisfy(item -> {
            assertThat(item).containsEntry("item", "ASN-BACKLOG-1").containsEntry("since", reported.toString());
            assertThat((String) item.get("detail")).startsWith("WH1 door D199-1, Swift Freight, slot 2030-11-30 08:00 UTC");
        });
        given().auth().oauth2(FIONA).get("/ops/backlogs").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(FIONA).get("/ops/backlogs/appointments-at-risk").then().statusCode(403);
    }
}
