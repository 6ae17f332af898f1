package io.portage.kit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.portage.testsupport.OnVertx;
import io.portage.testsupport.PortageStackResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Raising many items at once is raising each: one open item per key, refreshed when seen again, across chunks. */
@QuarkusTest
@QuarkusTestResource(value = PortageStackResource.class, initArgs = @ResourceArg(name = "database", value = "eventkit"))
class RaiseAllTest {

    @Inject
    ExceptionQueue exceptions;

    @Test
    void eachKeyIsOneOpenItemAndASecondRaiseRefreshesIt() {
        String type = "test.raise-all-" + UUID.randomUUID().toString().substring(0, 8);
        List<ExceptionQueue.Raised> first = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            first.add(new ExceptionQueue.Raised("line:" + i, "overcharged", "{\"line\":" + i + "}"));
        }
        await(() -> exceptions.raiseAll(type, "finance", first));
        // One already raised alone, then 1,000 of the same keys and 10 new ones in one call.
        await(() -> exceptions.raise(type, "finance", "line:1500", "unknown shipment", null).replaceWithVoid());
        List<ExceptionQueue.Raised> again = new ArrayList<>();
        for (int i = 600; i < 1_510; i++) {
            again.add(new ExceptionQueue.Raised("line:" + i, "still overcharged", null));
        }
        await(() -> exceptions.raiseAll(type, "finance", again));

        List<ExceptionItem> open = OnVertx.await(() -> Panache.withSession(() -> exceptions.list(
                new ExceptionQueue.Filter(ExceptionItem.Status.OPEN, type, null, null, null), 5_000)),
                Duration.ofSeconds(30));
        assertThat(open).hasSize(1_510);
        assertThat(open).extracting(ExceptionItem::businessKey).doesNotHaveDuplicates();
        assertThat(open).filteredOn(item -> item.businessKey().equals("line:599"))
                .singleElement()
                .satisfies(item -> assertThat(item.summary()).isEqualTo("overcharged"));
        assertThat(open).filteredOn(item -> item.businessKey().equals("line:1200"))
                .singleElement()
                .satisfies(item -> assertThat(item.summary()).isEqualTo("still overcharged"));
        assertThat(open).filteredOn(item -> item.businessKey().equals("line:1500"))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.summary()).isEqualTo("still overcharged");
                    assertThat(item.ownerRole()).isEqualTo("finance");
                });
    }

    private static void await(Supplier<Uni<Void>> work) {
        OnVertx.await(() -> Panache.withTransaction(work), Duration.ofSeconds(60));
    }
}
