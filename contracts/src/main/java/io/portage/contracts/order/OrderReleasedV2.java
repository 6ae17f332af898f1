package io.portage.contracts.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * order-service released an order confirmed in Odoo to the warehouse or 3PL that fulfils it, with the whole fulfilment
 * request ({@code io.portage.order.released.v2} on {@code portage.orders}, subject = {@code orderId}).
 */
@RegisterForReflection
public record OrderReleasedV2(
        String orderId,
        String channel,
        String externalId,
        String partnerId,
        String warehouse,
        Fulfiller fulfiller,
        OrderReceived.Customer shipTo,
        List<Line> lines,
        Erp erp,
        Instant shipBy,
        Instant releasedAt) {

    /** Who picks and ships the order. */
    @RegisterForReflection
    public record Fulfiller(FulfillerType type, String id) {
    }

    /** The warehouse's own WMS, or a third-party logistics partner. */
    @RegisterForReflection
    public enum FulfillerType {
        WAREHOUSE, THIRD_PARTY
    }

    /** One line to pick: Odoo's SKU, the channel's SKU and a positive quantity. */
    @RegisterForReflection
    public record Line(int lineNumber, String sku, String channelSku, BigDecimal quantity) {
    }

    /** The sale order in Odoo: {@code sale.order/<id>}, its name and its delivery pickings. */
    @RegisterForReflection
    public record Erp(String erpRef, String name, List<Long> pickingIds) {
    }
}
