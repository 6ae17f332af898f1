package io.portage.shipment.repository;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.tracking.ProofDocument;
import io.portage.shipment.domain.tracking.StoredProof;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Carriers' proof-of-delivery images ({@code proof_document}): one of each kind per shipment, the newest sent. */
@ApplicationScoped
public class ProofDocumentRepository {

    /** A document of a shipment's tracking number. */
    public record Kept(UUID shipmentId, String trackingNumber, ProofDocument document) {
    }

    /**
     * Keeps the documents in the caller's transaction, one statement each (they come one per delivery): a document of a
     * kind the shipment has replaces it when its content differs; the same image again changes nothing.
     */
    public Uni<Void> keep(List<Kept> documents, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Kept kept : documents) {
            chain = chain.chain(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(KEEP)
                            .setParameter("shipment", kept.shipmentId())
                            .setParameter("kind", kept.document().kind().name())
                            .setParameter("number", kept.trackingNumber())
                            .setParameter("type", kept.document().contentType())
                            .setParameter("content", HexFormat.of().formatHex(kept.document().content()))
                            .setParameter("sha", kept.document().sha256())
                            .setParameter("now", now)
                            .executeUpdate())
                    .replaceWithVoid());
        }
        return chain;
    }

    /** A shipment's document of a kind. */
    public Uni<Optional<ProofDocument>> find(UUID shipmentId, ProofDocument.Kind kind) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(FIND, Object[].class)
                        .setParameter("shipment", shipmentId)
                        .setParameter("kind", kind.name())
                        .getResultList())
                .map(rows -> rows.stream()
                        .findFirst()
                        .map(row -> new ProofDocument(kind, (String) row[0], HexFormat.of().parseHex((String) row[1]))));
    }

    /** What documents a shipment has, without their content. */
    public Uni<List<StoredProof>> describe(UUID shipmentId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(DESCRIBE, Object[].class)
                        .setParameter("shipment", shipmentId)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new StoredProof(ProofDocument.Kind.valueOf((String) row[0]), (String) row[1],
                                (String) row[2], ((Number) row[3]).intValue(), instant(row[4])))
                        .toList());
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    private static final String KEEP = """
            insert into {h-schema}proof_document (shipment_id, kind, tracking_number, content_type, content, sha256,
                received_at)
            values (:shipment, :kind, :number, :type, decode(:content, 'hex'), :sha, :now)
            on conflict (shipment_id, kind) do update set tracking_number = excluded.tracking_number,
                content_type = excluded.content_type, content = excluded.content, sha256 = excluded.sha256,
                received_at = excluded.received_at
            where proof_document.sha256 <> excluded.sha256""";

    private static final String FIND = """
            select content_type, encode(content, 'hex') from {h-schema}proof_document
            where shipment_id = :shipment and kind = :kind""";

    private static final String DESCRIBE = """
            select kind, tracking_number, content_type, octet_length(content), received_at from {h-schema}proof_document
            where shipment_id = :shipment order by kind""";
}
