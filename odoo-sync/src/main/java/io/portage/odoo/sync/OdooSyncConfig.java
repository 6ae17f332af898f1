package io.portage.odoo.sync;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code portage.odoo.sync.*} settings: what change capture and the master-data cache follow, and how often. */
@ConfigMapping(prefix = "portage.odoo.sync")
public interface OdooSyncConfig {

    /** Whether the poller runs; the webhook and the cache's reads work either way. */
    @WithDefault("true")
    boolean enabled();

    /** Portage's name for this Odoo database, carried in every ERP event ({@code instance}). */
    @WithDefault("main")
    String instance();

    /** Time between two polls of every model (the scheduler reads it as {@code portage.odoo.sync.interval}). */
    @WithDefault("30s")
    Duration interval();

    /** Wait after start before the first poll (the scheduler reads it as {@code portage.odoo.sync.start-delay}). */
    @WithDefault("1s")
    Duration startDelay();

    /**
     * How far back each poll reads before the watermark. Odoo stamps write_date with its transaction's start, so a
     * transaction that commits late carries an older write_date than changes already read: the overlap must cover
     * Odoo's longest write transaction. Records read twice are recognised by (id, write_date) and skipped.
     */
    @WithDefault("60s")
    Duration overlap();

    /**
     * Where change capture starts on its first poll (no watermark yet): changes older than this before the first start
     * are history, not news. The master-data cache always loads everything on its first poll.
     */
    @WithDefault("24h")
    Duration initialLookback();

    /** Records per search_read page (keyset paging by write_date, id). */
    @WithDefault("200")
    int pageSize();

    /** Whether the transactional models (sale.order, stock.picking, account.move) are followed. */
    @WithDefault("true")
    boolean changes();

    /** Whether the master-data models are cached. */
    @WithDefault("true")
    boolean masterData();

    /**
     * Secret the automation-rule webhook must send ({@code POST /odoo/webhook?token=...}); Odoo's webhooks are unsigned,
     * so without a token the endpoint refuses every call.
     */
    Optional<String> webhookToken();

    /**
     * How long after a webhook the record is read back, so that the change is committed and visible (depending on the
     * version, Odoo sends the webhook from inside the transaction that makes the change or right after it commits).
     */
    @WithDefault("2s")
    Duration webhookDelay();
}
