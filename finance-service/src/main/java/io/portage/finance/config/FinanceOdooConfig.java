package io.portage.finance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether finance-service writes into Odoo at all: {@code portage.finance.odoo.*}. */
@ConfigMapping(prefix = "portage.finance.odoo")
public interface FinanceOdooConfig {

    /**
     * Post accruals and their reversals, vendor bills, customer invoices and credit notes in Odoo (off: the work waits,
     * accruals pending, batches billing, invoices ready, refunds approved, until it is turned on).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The Odoo company Portage books in: its currency ({@code res.company.currency_id}) is read from Odoo, and its rates
     * are the ones Odoo converts with.
     */
    @WithDefault("1")
    long companyId();
}
