package io.portage.odoo.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.CallerContext;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.ops.OdooDates;
import io.smallrye.mutiny.Uni;

/**
 * When sales orders were confirmed, read from their chatter: a poller sees only the state an order has at each poll, so
 * an order confirmed and cancelled between two polls looks like a quotation that was cancelled. Odoo posts a message of
 * subtype "Sales Order Confirmed" ({@code sale.mt_order_confirmed}) at the moment of confirmation; an integration user
 * may read the {@code mail.message} records of documents it can read (not the tracking values: those need
 * Administration/Settings), so the confirmation and its time can be recovered after the fact.
 */
@ApplicationScoped
class Confirmations {

    private static final Logger LOG = Logger.getLogger(Confirmations.class);
    /** The subtype's name as the sale module defines it; read in en_US so that the user's language does not matter. */
    static final String SUBTYPE_NAME = "Sales Order Confirmed";

    private final OdooClient odoo;
    private final AtomicReference<Long> subtype = new AtomicReference<>();

    Confirmations(OdooClient odoo) {
        this.odoo = odoo;
    }

    /**
     * When each of the given sales orders was confirmed, oldest first (an order set back to quotation and confirmed
     * again has several); orders never confirmed are left out. Without the subtype (a database without the sale
     * module's data) nothing can be seen and the answer is empty.
     */
    Uni<Map<Long, List<Instant>>> of(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return subtypeId().chain(subtypeId -> subtypeId == null
                ? Uni.createFrom().item(Map.<Long, List<Instant>>of())
                : CallerContext.emitOnCaller(odoo.calls()
                        .searchRead("mail.message",
                                List.of(List.of("model", "=", SyncedModel.SALE_ORDER.odooModel()),
                                        List.of("res_id", "in", orderIds), List.of("subtype_id", "=", subtypeId)),
                                List.of("res_id", "date"), 0, 0, "date, id"))
                        .map(Confirmations::perOrder));
    }

    /** Forgets the subtype's id (another Odoo instance may number it differently). */
    void forget() {
        subtype.set(null);
    }

    private Uni<Long> subtypeId() {
        Long known = subtype.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return CallerContext.emitOnCaller(odoo.calls()
                .execute("mail.message.subtype", "search_read",
                        List.of(List.of(List.of("res_model", "=", SyncedModel.SALE_ORDER.odooModel()),
                                List.of("name", "=", SUBTYPE_NAME))),
                        Map.of("fields", List.of("id"), "limit", 1, "context", Map.of("lang", "en_US"))))
                .map(found -> {
                    if (!found.isArray() || found.isEmpty()) {
                        LOG.warnf("Odoo has no mail.message.subtype '%s' on sale.order: orders confirmed and cancelled "
                                + "between two polls are announced as cancelled only", SUBTYPE_NAME);
                        return null;
                    }
                    long id = found.get(0).path("id").asLong();
                    subtype.set(id);
                    return id;
                });
    }

    /** The messages' dates per order, in the order read ({@code date, id}: oldest first). */
    private static Map<Long, List<Instant>> perOrder(List<JsonNode> messages) {
        Map<Long, List<Instant>> dates = new HashMap<>();
        for (JsonNode message : messages) {
            Instant date = OdooDates.parse(message.path("date").asText(null));
            if (date != null) {
                dates.computeIfAbsent(message.path("res_id").asLong(), id -> new ArrayList<>()).add(date);
            }
        }
        return dates;
    }
}
