package io.portage.edi.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.EdiFile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The archive of files in and out ({@code edi_file}), also the outbound queue and the 997s owed. */
@ApplicationScoped
public class EdiFileRepository implements PanacheRepositoryBase<EdiFile, UUID> {

    public Uni<List<EdiFile>> pending(String partnerId, int limit) {
        return find("partnerId = ?1 and status = ?2 order by createdAt", partnerId, EdiFile.Status.PENDING)
                .page(0, limit)
                .list();
    }

    public Uni<EdiFile> received(String partnerId, String interchangeControl) {
        return find("partnerId = ?1 and direction = ?2 and interchangeControl = ?3", partnerId, EdiFile.Direction.IN,
                interchangeControl).firstResult();
    }

    public Uni<EdiFile> sent(String partnerId, String groupControl) {
        return find("partnerId = ?1 and direction = ?2 and groupControl = ?3 and document <> '997'", partnerId,
                EdiFile.Direction.OUT, groupControl).firstResult();
    }

    /** The interchange Portage sent the partner under ISA13 {@code interchangeControl}. */
    public Uni<EdiFile> sentInterchange(String partnerId, String interchangeControl) {
        return find("partnerId = ?1 and direction = ?2 and interchangeControl = ?3", partnerId, EdiFile.Direction.OUT,
                interchangeControl).firstResult();
    }

    /** Records the partner's TA1 (A, E, R); a rejected interchange's 997 will never come (R settles the wait). */
    public Uni<Integer> markInterchangeAcknowledged(UUID id, String code) {
        if ("R".equals(code)) {
            return update("interchangeAck = ?1, ackStatus = case when ackStatus in ('W', 'M') then 'R' else ackStatus end"
                    + " where id = ?2", code, id);
        }
        return update("interchangeAck = ?1 where id = ?2", code, id);
    }

    /** Files whose 997 is still awaited after its due time. */
    public Uni<List<EdiFile>> acknowledgmentsOverdue(Instant now, int limit) {
        return find("ackStatus = 'W' and ackDueAt < ?1 order by ackDueAt", now).page(0, limit).list();
    }

    public Uni<Integer> markSent(UUID id, Instant at) {
        return update("status = ?1, sentAt = ?2, lastError = null where id = ?3", EdiFile.Status.SENT, at, id);
    }

    public Uni<Integer> markSendFailed(UUID id, String error) {
        return update("attempts = attempts + 1, lastError = ?1 where id = ?2",
                error.length() > 2000 ? error.substring(0, 2000) : error, id);
    }

    /** Records the partner's 997 (A, E, P, R) for a file. */
    public Uni<Integer> markAcknowledged(UUID id, String code) {
        return update("ackStatus = ?1 where id = ?2", code, id);
    }

    /** Marks a file's 997 missing (M) unless it arrived meanwhile; answers whether it was still awaited. */
    public Uni<Boolean> markAcknowledgmentMissing(UUID id) {
        return update("ackStatus = 'M' where id = ?1 and ackStatus = 'W'", id).map(count -> count == 1);
    }

    public Uni<List<EdiFile>> list(String partnerId, EdiFile.Direction direction, String document, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        if (partnerId != null) {
            query.append(" and partnerId = :partner");
            parameters.put("partner", partnerId);
        }
        if (direction != null) {
            query.append(" and direction = :direction");
            parameters.put("direction", direction);
        }
        if (document != null) {
            query.append(" and document = :document");
            parameters.put("document", document);
        }
        query.append(" order by createdAt desc, id");
        return find(query.toString(), parameters).page(0, limit).list();
    }
}
