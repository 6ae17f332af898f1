package io.portage.contracts.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Properties of "apply only the APPLY answers" (the fold a consumer runs with {@link Status#after}), over many random
 * streams from a seeded {@link Random}, so a failure repeats.
 * <p>
 * What the models guarantee, and these tests check: (1) for the statuses of one legal history, delivered in any order
 * and any number of times, the fold ends in the history's last status, the same as applying them in rank order; (2) for
 * any stream at all (also statuses no legal history holds together), every applied step is a legal forward move, and
 * delivering the stream again, in any order, changes nothing. For arbitrary streams the result does depend on the order
 * (CANCELLED then REJECTED holds CANCELLED; the reverse holds REJECTED): those are ILLEGAL answers, for a person.
 */
class StatusFoldPropertyTest {

    private static final long SEED = 20261124L;
    private static final int ITERATIONS = 5_000;

    @Test
    void aShuffledRedeliveredHistoryEndsInItsLastStatusAsRankOrderDoes() {
        Random random = new Random(SEED);
        for (Model<?> model : Model.ALL) {
            for (int i = 0; i < ITERATIONS; i++) {
                checkHistory(model, random);
            }
        }
    }

    private static <S extends Enum<S> & Status<S>> void checkHistory(Model<S> model, Random random) {
        List<S> history = legalHistory(model, random);
        List<S> stream = redeliveredAndShuffled(history, random);
        List<S> byRank = new ArrayList<>(stream);
        byRank.sort(Comparator.comparingInt(Status::rank));
        S last = history.get(history.size() - 1);
        assertThat(fold(stream)).as("%s history %s delivered as %s", model, history, stream).isEqualTo(last);
        assertThat(fold(byRank)).as("%s history %s in rank order %s", model, history, byRank).isEqualTo(last);
    }

    @Test
    void anyStreamOnlyMovesForwardAndAReplayChangesNothing() {
        Random random = new Random(SEED + 1);
        for (Model<?> model : Model.ALL) {
            for (int i = 0; i < ITERATIONS; i++) {
                checkAnyStream(model, random);
            }
        }
    }

    private static <S extends Enum<S> & Status<S>> void checkAnyStream(Model<S> model, Random random) {
        List<S> statuses = model.statuses();
        List<S> stream = new ArrayList<>();
        int length = 1 + random.nextInt(12);
        for (int j = 0; j < length; j++) {
            stream.add(statuses.get(random.nextInt(statuses.size())));
        }
        S held = null;
        for (S incoming : stream) {
            S next = Status.after(held, incoming);
            if (held != null && next != held) {
                assertThat(held.leadsTo(next)).as("%s %s: %s -> %s is a legal move", model, stream, held, next).isTrue();
                assertThat(next.rank()).as("%s %s: rank rises", model, stream).isGreaterThan(held.rank());
            }
            held = next;
        }
        List<S> replay = new ArrayList<>(stream);
        Collections.shuffle(replay, random);
        List<S> twice = new ArrayList<>(stream);
        twice.addAll(replay);
        assertThat(fold(twice)).as("%s %s then again as %s", model, stream, replay).isEqualTo(held);
        for (S incoming : stream) {
            assertThat(held.answer(incoming)).as("%s %s: %s after %s", model, stream, incoming, held)
                    .isNotEqualTo(StatusChange.APPLY);
        }
    }

    @Test
    void theGeneratorCoversBranchesAndTerminalStatuses() {
        Random random = new Random(SEED);
        List<OrderStatus> ends = new ArrayList<>();
        Model<OrderStatus> orders = new Model<>(OrderStatus.class, OrderStatus::of, "orderId");
        for (int i = 0; i < 500; i++) {
            ends.add(legalHistory(orders, random).getLast());
        }
        assertThat(ends).contains(OrderStatus.values());
    }

    /** A random walk along legal transitions from the initial status, stopping at a terminal status or by chance. */
    private static <S extends Enum<S> & Status<S>> List<S> legalHistory(Model<S> model, Random random) {
        List<S> history = new ArrayList<>();
        S status = model.initial().get(0);
        history.add(status);
        while (!status.terminal() && random.nextInt(5) != 0) {
            List<S> next = new ArrayList<>(status.next());
            next.sort(Comparator.naturalOrder());
            status = next.get(random.nextInt(next.size()));
            history.add(status);
        }
        return history;
    }

    /** Each status one to three times (redelivery, replay), in random order (late and early events). */
    private static <S> List<S> redeliveredAndShuffled(List<S> history, Random random) {
        List<S> stream = new ArrayList<>();
        for (S status : history) {
            for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                stream.add(status);
            }
        }
        Collections.shuffle(stream, random);
        return stream;
    }

    private static <S extends Enum<S> & Status<S>> S fold(List<S> stream) {
        S held = null;
        for (S incoming : stream) {
            held = Status.after(held, incoming);
        }
        return held;
    }
}
