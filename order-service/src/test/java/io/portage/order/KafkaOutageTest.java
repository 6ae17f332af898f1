package io.portage.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.contracts.Topics;
import io.portage.testsupport.OdooStandinResource;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestKafka;
import io.portage.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Orders taken while Kafka is down are accepted, and every one of their events reaches Kafka when it returns. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(OdooStandinResource.class)
class KafkaOutageTest {

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @AfterEach
    void kafkaIsBack() {
        PortageStackResource.SharedStack.get().startKafka();
    }

    @Test
    void noEventIsLostWhileKafkaIsDown() {
        PortageStackResource.SharedStack stack = PortageStackResource.SharedStack.get();
        List<String> orderIds = new ArrayList<>();
        orderIds.add(submit("NW-before-" + UUID.randomUUID()));

        stack.stopKafka();
        for (int i = 0; i < 10; i++) {
            orderIds.add(submit("NW-outage-" + UUID.randomUUID()));
        }
        stack.startKafka();
        orderIds.add(submit("NW-after-" + UUID.randomUUID()));

        Set<String> wanted = Set.copyOf(orderIds);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Set<String> seen = Set.of();
        while (System.nanoTime() < deadline && !seen.containsAll(wanted)) {
            seen = TestKafka.recordsWithin(Topics.ORDERS, Duration.ofSeconds(2), r -> wanted.contains(r.key()))
                    .stream()
                    .map(r -> r.key())
                    .collect(Collectors.toSet());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(wanted);
    }

    private static String submit(String externalId) {
        return given().contentType(ContentType.JSON)
                .body(OrderResourceTest.order(externalId))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
