package io.portage.order.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.kit.ops.ExceptionQueue;
import io.portage.odoo.sync.MasterData;
import io.portage.odoo.sync.SyncedModel;
import io.portage.order.client.OdooOrderClient;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderLine;
import io.portage.order.repository.SkuMappingRepository;
import io.smallrye.mutiny.Uni;

/**
 * The checks an order passes before it goes to Odoo: each line's channel SKU mapped to Odoo's SKU (the channel's
 * mapping table, else the SKU as sent), and that SKU a product Odoo has, as far as the master-data cache knows. An
 * order with SKUs Odoo does not have waits on hold with an {@value #UNKNOWN_SKU} exception for a person.
 */
@ApplicationScoped
public class OrderChecks {

    /** Exception type of an order waiting for SKUs to be mapped or created in Odoo; business key = order id. */
    public static final String UNKNOWN_SKU = "order.unknown-sku";
    /** Exception type of an order Odoo refused (validation, access): Odoo's message says why. */
    public static final String ODOO_REFUSED = "order.odoo-refused";
    /** Who owns the order exceptions in the operations console. */
    public static final String OWNER = "ops";

    private final SkuMappingRepository mappings;
    private final MasterData masterData;
    private final OdooOrderClient odoo;
    private final ExceptionQueue exceptions;
    private final ObjectMapper json;

    public OrderChecks(SkuMappingRepository mappings, MasterData masterData, OdooOrderClient odoo,
            ExceptionQueue exceptions, ObjectMapper json) {
        this.mappings = mappings;
        this.masterData = masterData;
        this.odoo = odoo;
        this.exceptions = exceptions;
        this.json = json;
    }

    /**
     * Maps the order's SKUs and answers the Odoo SKUs the cache does not know as active products. Before the cache
     * has ever loaded products (no Odoo change capture here) nothing is called unknown: Odoo decides at hand-over.
     */
    public Uni<Set<String>> mapAndCheck(Order order) {
        return mappings.mapped(order.intake().channel(), order.lines().stream().map(OrderLine::sku).toList())
                .invoke(order::mapSkus)
                .chain(() -> masterData.lastSynced(SyncedModel.PRODUCT))
                .chain(synced -> synced.isEmpty()
                        ? Uni.createFrom().item(Set.<String>of())
                        : masterData.productsBySku(productSkus(order))
                                .map(found -> unknown(productSkus(order), found)));
    }

    /**
     * As {@link #mapAndCheck}, then asks Odoo itself about the SKUs the cache does not know (a product created a
     * moment ago is not cached yet). For a person's retry and a new mapping, not for intake, which never waits for
     * Odoo.
     */
    public Uni<Set<String>> mapAndCheckWithOdoo(Order order) {
        return mapAndCheck(order).chain(unknown -> unknown.isEmpty()
                ? Uni.createFrom().item(unknown)
                : odoo.findProducts(unknown).map(found -> {
                    Set<String> still = new TreeSet<>(unknown);
                    still.removeAll(found.keySet());
                    return still;
                }));
    }

    /** Opens (or updates) the unknown-SKU exception of a held order, in the caller's transaction. */
    public Uni<Void> raiseUnknownSkus(Order order, Set<String> unknown) {
        ObjectNode payload = payload(order);
        payload.putPOJO("unknownSkus", unknown);
        payload.putPOJO("lines", order.lines()
                .stream()
                .map(line -> Map.of("lineNo", line.lineNo(), "channelSku", line.sku(), "sku",
                        line.productSku() == null ? line.sku() : line.productSku()))
                .toList());
        return exceptions.raise(UNKNOWN_SKU, OWNER, order.id().toString(), holdReason(order, unknown),
                payload.toString()).replaceWithVoid();
    }

    /** Opens (or updates) the exception of an order Odoo refused, with Odoo's message. */
    public Uni<Void> raiseOdooRefused(Order order, String odooMessage) {
        ObjectNode payload = payload(order);
        payload.put("odooMessage", odooMessage);
        return exceptions.raise(ODOO_REFUSED, OWNER, order.id().toString(),
                "Odoo refused order " + order.intake().channel() + "/" + order.intake().externalId() + ": " + odooMessage,
                payload.toString()).replaceWithVoid();
    }

    public static String holdReason(Order order, Set<String> unknown) {
        List<String> lines = order.lines()
                .stream()
                .filter(line -> unknown.contains(line.productSku()))
                .sorted(Comparator.comparingInt(OrderLine::lineNo))
                .map(line -> line.sku().equals(line.productSku())
                        ? line.sku()
                        : line.sku() + " (mapped to " + line.productSku() + ")")
                .distinct()
                .toList();
        return "Unknown SKU in Odoo: " + String.join(", ", lines) + "; map it for channel " + order.intake().channel()
                + " or create the product in Odoo";
    }

    private ObjectNode payload(Order order) {
        ObjectNode payload = json.createObjectNode();
        payload.put("orderId", order.id().toString());
        payload.put("channel", order.intake().channel());
        payload.put("externalId", order.intake().externalId());
        payload.put("partnerId", order.intake().partnerId());
        return payload;
    }

    private static Set<String> productSkus(Order order) {
        return order.lines().stream().map(OrderLine::productSku).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> unknown(Set<String> skus, Map<String, MasterData.Entry> found) {
        Set<String> unknown = new TreeSet<>();
        for (String sku : skus) {
            MasterData.Entry product = found.get(sku);
            if (product == null || !product.active()) {
                unknown.add(sku);
            }
        }
        return unknown;
    }
}
