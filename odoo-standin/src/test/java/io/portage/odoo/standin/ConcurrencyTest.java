package io.portage.odoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls interleave: each is its own transaction and nothing is locked between two calls (ODOO.md "Concurrency"). */
class ConcurrencyTest {

    private OdooStandin standin;

    @BeforeEach
    void start() {
        standin = OdooStandin.builder().build().start();
    }

    @AfterEach
    void stop() {
        standin.close();
    }

    @Test
    void twoClientsThatSearchThenCreateTheSameRefBothCreateIt() throws Exception {
        // ODOO.md: two clients that search res.partner by ref and create it when missing, at once, both create it
        CyclicBarrier bothSearched = new CyclicBarrier(2);
        Runnable findOrCreate = () -> {
            TestClient client = new TestClient(standin);
            Object found = client.call("res.partner", "search", List.of(List.of(List.of("ref", "=", "RACE-1"))),
                    Map.of());
            try {
                bothSearched.await();
                Thread.sleep(20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (((List<?>) found).isEmpty()) {
                client.call("res.partner", "create", Map.of("name", "Race Customer", "ref", "RACE-1"));
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(findOrCreate), CompletableFuture.runAsync(findOrCreate))
                .get();
        assertThat(standin.records("res.partner")).filteredOn(p -> "RACE-1".equals(p.get("ref"))).hasSize(2);
    }
}
