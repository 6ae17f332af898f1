package io.portage.finance.config;

import java.time.Duration;

import io.portage.finance.domain.InvoicePolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Customer invoice release ({@code portage.finance.invoicing.*}). */
@ConfigMapping(prefix = "portage.finance.invoicing")
public interface InvoicingConfig {

    /** The policy of a customer finance has set none for. */
    @WithDefault("AT_DISPATCH")
    InvoicePolicy defaultPolicy();

    /** How often ready invoices are made in Odoo (the scheduler reads {@code ${portage.finance.invoicing.interval}}). */
    @WithDefault("1s")
    Duration interval();
}
