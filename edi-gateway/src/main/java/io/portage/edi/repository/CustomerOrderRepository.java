package io.portage.edi.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.CustomerOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The orders of customers who want 856s ({@code edi_customer_order}), by order id. */
@ApplicationScoped
public class CustomerOrderRepository implements PanacheRepositoryBase<CustomerOrder, String> {
}
