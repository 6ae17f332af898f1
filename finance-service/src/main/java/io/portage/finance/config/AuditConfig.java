package io.portage.finance.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The carrier invoice audit's defaults ({@code portage.finance.audit.*}); carriers override the tolerances as data. */
@ConfigMapping(prefix = "portage.finance.audit")
public interface AuditConfig {

    /** The largest overcharge paid without a dispute, in the invoice's currency, unless the carrier's terms say otherwise. */
    @WithDefault("5.00")
    BigDecimal amountTolerance();

    /** The largest overcharge paid without a dispute, in percent of the re-rated charge (the smaller of the two applies). */
    @WithDefault("2")
    BigDecimal percentTolerance();

    /** Lines audited per transaction. */
    @WithDefault("500")
    int chunkSize();

    /** How often unfinished batches are looked for and resumed (the scheduler reads it as {@code ${portage.finance.audit.interval}}). */
    @WithDefault("1s")
    Duration interval();

    /**
     * Vendor bills posted in Odoo together, in a few calls whatever their number (one search of their refs, one create,
     * one post, one read; a bill Odoo refuses is found by halving and fails alone).
     */
    @WithDefault("25")
    int billBatchSize();

    /**
     * Batches of bills ({@code bill-batch-size}) posted in Odoo at once (each invoice number still once: its bill is
     * looked for by ref first); at most the connector's bulkhead ({@code portage.odoo.bulkhead.limit}) calls are in
     * flight anyway.
     */
    @WithDefault("2")
    int billConcurrency();

    /**
     * How long one runner holds a batch's billing (finance-service's replicas each resume unfinished batches; one at a
     * time posts its bills): a runner that dies is taken over once its claim lapses.
     */
    @WithDefault("5m")
    Duration billingClaim();

    /** The role that owns disputes and failed bills in the exception queue. */
    @WithDefault("finance")
    String ownerRole();
}
