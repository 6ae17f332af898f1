package io.portage.finance.repository;

import java.util.List;
import java.util.Map;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Entities read to be read, not changed: read only and detached, so Hibernate neither keeps their snapshots, checks
 * them at a flush, nor walks them before a query.
 */
final class Detached {

    private Detached() {
    }

    /** The results of {@code hql} with these named parameters, at most {@code limit} (0: all). */
    static <T> Uni<List<T>> list(Class<T> type, String hql, Map<String, Object> parameters, int limit) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<T> query = session.createSelectionQuery(hql, type).setReadOnly(true);
            parameters.forEach(query::setParameter);
            if (limit > 0) {
                query.setMaxResults(limit);
            }
            return query.getResultList().invoke(found -> found.forEach(session::detach));
        });
    }
}
