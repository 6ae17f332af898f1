package io.portage.finance.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Customer refunds for returns ({@code portage.finance.refunds.*}). */
@ConfigMapping(prefix = "portage.finance.refunds")
public interface RefundConfig {

    /** A refund above this amount (in the invoice's currency) waits for a finance approver. */
    @WithDefault("500")
    BigDecimal approvalThreshold();

    /** The return conditions refunded; a return with any other line is not. */
    @WithDefault("RESELLABLE")
    Set<String> acceptableConditions();

    /**
     * How long after its receipt a return waits for its order's customer invoice before it is raised for finance as not
     * refundable.
     */
    @WithDefault("24h")
    Duration invoiceWait();

    /** How often approved refunds are credited in Odoo (the scheduler reads {@code ${portage.finance.refunds.interval}}). */
    @WithDefault("1s")
    Duration interval();
}
