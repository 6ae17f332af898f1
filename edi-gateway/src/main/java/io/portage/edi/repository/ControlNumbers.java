package io.portage.edi.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Envelope control numbers per partner ({@code partner_control_number}): each call takes the next ISA, GS or ST number
 * in the caller's transaction, so two documents never share one (ISA13 runs 1 to 999,999,999, then starts again).
 */
@ApplicationScoped
public class ControlNumbers {

    /** The kinds of control number. */
    public enum Kind {
        ISA, GS, ST
    }

    public Uni<Long> next(String partnerId, Kind kind) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}partner_control_number as c (partner_id, kind, last_value)
                        values (:partner, :kind, 1)
                        on conflict (partner_id, kind) do update
                        set last_value = case when c.last_value >= 999999999 then 1 else c.last_value + 1 end
                        returning last_value""", Long.class)
                        .setParameter("partner", partnerId)
                        .setParameter("kind", kind.name())
                        .getSingleResult());
    }
}
