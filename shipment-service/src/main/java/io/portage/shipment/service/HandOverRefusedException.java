package io.portage.shipment.service;

/** A write into Odoo that cannot succeed by repeating it: no sale order, delivery or backorder found, an unknown SKU. */
public class HandOverRefusedException extends RuntimeException {

    public HandOverRefusedException(String message) {
        super(message);
    }
}
