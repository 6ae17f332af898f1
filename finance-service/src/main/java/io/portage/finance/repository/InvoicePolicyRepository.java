package io.portage.finance.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.PartnerInvoicePolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Customers' invoice policies in the {@code finance} schema. */
@ApplicationScoped
public class InvoicePolicyRepository implements PanacheRepositoryBase<PartnerInvoicePolicy, String> {
}
