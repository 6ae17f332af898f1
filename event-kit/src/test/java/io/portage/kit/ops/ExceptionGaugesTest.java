package io.portage.kit.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.portage.testsupport.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Operations see the exception queue as gauges: open items and the age of the oldest, per type. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class ExceptionGaugesTest {

    @Inject
    ExceptionQueue exceptions;

    @BeforeEach
    void actAsOperator() {
        TestTokens.actAsOperator("test-operator");
    }

    @Test
    void openItemsAndTheOldestAgeArePublishedPerTypeAndFallWhenClosed() {
        String type = "test.gauge-" + UUID.randomUUID().toString().substring(0, 8);
        ExceptionItem first = onVertx(() -> Panache.withTransaction(
                () -> exceptions.raise(type, "ops", "order-1", "address invalid", null)));
        onVertx(() -> Panache.withTransaction(() -> exceptions.raise(type, "ops", "order-2", "address invalid", null)));
        onVertx(() -> Panache.withTransaction(() -> exceptions.raise(type, "ops", "order-2", "seen again", null)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(gauge("portage.exceptions.open", type)).isEqualTo(2.0);
            assertThat(gauge("portage.exceptions.oldest.age.seconds", type)).isGreaterThanOrEqualTo(0.0);
        });

        given().auth()
                .oauth2(TestTokens.ops("ops.alice"))
                .contentType("application/json")
                .body("{\"resolution\":\"address corrected in Odoo\"}")
                .when()
                .post("/ops/exceptions/" + first.id() + "/resolve")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(gauge("portage.exceptions.open", type)).isEqualTo(1.0));
    }

    /** The gauge's value as Prometheus scrapes it from /q/metrics. */
    private static double gauge(String name, String type) {
        String metric = name.replace('.', '_') + "{type=\"" + type + "\"}";
        return given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(metric))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(Double.NaN);
    }

    private static <T> T onVertx(Supplier<Uni<T>> work) {
        return OnVertx.await(work, Duration.ofSeconds(30));
    }
}
