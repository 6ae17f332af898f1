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
     * Vendor bills of a batch posted in Odoo at once (each invoice number still once: its bill is looked for by ref
     * first); at most the connector's bulkhead ({@code portage.odoo.bulkhead.limit}) are in flight anyway.
     */
    @WithDefault("4")
    int billConcurrency();

    /** The role that owns disputes and failed bills in the exception queue. */
    @WithDefault("finance")
    String ownerRole();
}
