package io.portage.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Runs reactive work (Hibernate Reactive needs a Vert.x context) from a test's own thread and waits for its item. */
public final class OnVertx {

    private OnVertx() {
    }

    /** The item of {@code work}, run on a Vert.x context; fails when none arrives within {@code timeout}. */
    public static <T> T await(Supplier<Uni<T>> work, Duration timeout) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(timeout).fail());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
