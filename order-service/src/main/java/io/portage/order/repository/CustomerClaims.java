package io.portage.order.repository;

import java.util.Collection;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Claims on customers' references in Odoo, so that only one hand-over at a time - in this process or any replica -
 * looks a reference up and creates it in Odoo: Odoo does not serialize a concurrent search-then-create, and has no
 * unique constraint on {@code ref} (ODOO.md, "Concurrency"). A claim is a PostgreSQL transaction-level advisory lock per
 * reference, held until the caller's transaction ends, so it survives nothing: a crash between Odoo's commit and ours
 * releases it, and the next attempt finds the partner by {@code ref} before creating.
 */
@ApplicationScoped
public class CustomerClaims {

    /** Takes the locks in one statement, in sorted order (two batches claiming overlapping sets cannot deadlock). */
    private static final String CLAIM = """
            select cast(count(pg_advisory_xact_lock(hashtext('portage.odoo-customer'), hashtext(ref))) as bigint)
            from (select ref from unnest(cast(:refs as varchar[])) as claimed(ref) order by ref) as sorted""";

    /** Waits for and takes the claims of {@code refs}, until the current transaction ends. */
    public Uni<Void> claim(Collection<String> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Long.class)
                        .setParameter("refs", new TreeSet<>(refs).toArray(String[]::new))
                        .getSingleResult())
                .replaceWithVoid();
    }
}
