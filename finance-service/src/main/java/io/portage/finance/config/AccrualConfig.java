package io.portage.finance.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Freight accruals in Odoo ({@code portage.finance.accrual.*}): the accounts by code and the pace. */
@ConfigMapping(prefix = "portage.finance.accrual")
public interface AccrualConfig {

    /** The account debited (freight expense), by its Odoo code. */
    @WithDefault("600000")
    String expenseAccount();

    /** The account credited until the carrier's bill comes (bills to receive), by its Odoo code. */
    @WithDefault("211100")
    String accruedAccount();

    /** How often charges to accrue or reverse are looked for (the scheduler reads {@code ${portage.finance.accrual.interval}}). */
    @WithDefault("1s")
    Duration interval();
}
