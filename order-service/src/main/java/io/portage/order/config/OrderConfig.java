package io.portage.order.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** order-service settings ({@code portage.orders.*}). */
@ConfigMapping(prefix = "portage.orders")
public interface OrderConfig {

    /** Warehouse that fulfils an order whose channel names none. */
    @WithDefault("WH1")
    String defaultWarehouse();

    /** How long after receipt an accepted order must leave the warehouse (its ship-by). */
    @WithDefault("24h")
    Duration shipWithin();

    /** Shop and marketplace channels that post webhooks, by channel name. */
    Map<String, Channel> channels();

    /**
     * Routing rules by name: orders matching a rule's warehouse, channel and partner (each optional) are released to
     * its 3PL. The most specific matching rule wins (most criteria, then name); no rule: the warehouse's own WMS.
     */
    Map<String, Route> routing();

    /** The hand-over of accepted orders to Odoo. */
    HandOver handOver();

    /** A webhook channel: its shared secret and whom its orders belong to. */
    interface Channel {

        /** The HMAC-SHA256 key the shop signs its webhooks with. */
        String webhookSecret();

        /** The partner (tenant) the channel's orders belong to; the channel name by default. */
        Optional<String> partner();

        /** The warehouse that fulfils the channel's orders; {@code default-warehouse} by default. */
        Optional<String> warehouse();
    }

    /** One routing rule. */
    interface Route {

        Optional<String> warehouse();

        Optional<String> channel();

        Optional<String> partner();

        /** The 3PL partner id that fulfils matching orders. */
        String thirdParty();
    }

    /** The worker that creates and confirms accepted orders in Odoo. */
    interface HandOver {

        /** Off: accepted orders wait in the queue (for a service without an Odoo). */
        @WithDefault("true")
        boolean enabled();

        /** How often the queue is looked at (a new order also wakes the worker at once). */
        @WithDefault("1s")
        Duration interval();

        /** How many due orders one pass takes; they go to Odoo together, so the connector can batch them. */
        @WithDefault("100")
        int batchSize();

        /**
         * How many passes may run at once in this process: while one records its outcomes in PostgreSQL (or claims and
         * reads its orders), another talks to Odoo, so Odoo is not left idle between batches. Customers' claims keep
         * concurrent passes (and replicas) from creating one customer twice.
         */
        @WithDefault("2")
        int passes();

        /**
         * How long an accepted order waits for others before a pass starts (the scheduled passes do not wait): a burst
         * goes to Odoo in fuller batches.
         */
        @WithDefault("200ms")
        Duration linger();

        /** How long a worker holds an order while it talks to Odoo; longer than the connector's timeout and retries. */
        @WithDefault("90s")
        Duration claim();

        /** Wait before the first retry when Odoo is away; doubled each attempt up to {@code max-backoff}. */
        @WithDefault("2s")
        Duration backoff();

        @WithDefault("5m")
        Duration maxBackoff();
    }
}
