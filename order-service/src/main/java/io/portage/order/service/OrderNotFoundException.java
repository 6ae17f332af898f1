package io.portage.order.service;

import io.portage.kit.domain.NotFoundException;

/** No order by that id or channel key, or not one the caller may see (another partner's is not revealed). */
public class OrderNotFoundException extends NotFoundException {

    public OrderNotFoundException(Object key) {
        super("Order " + key + " does not exist");
    }
}
