package io.portage.odoo.connector;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings an Odoo answer back to the Vert.x context of the caller: the HTTP client, retries with backoff and batches
 * complete on other threads, and a Hibernate Reactive session must only be used on the context that opened it.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** {@code uni}, emitting on the context current where this is called (unchanged when there is none). */
    public static <T> Uni<T> emitOnCaller(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return context == null ? uni : uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
