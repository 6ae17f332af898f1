package io.portage.order.domain;

import java.time.Instant;

/** A channel's SKU and the product's SKU in Odoo it stands for; who set it, and when. */
public record SkuMapping(String channel, String channelSku, String sku, Instant updatedAt, String updatedBy) {
}
