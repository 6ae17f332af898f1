package io.portage.contracts;

import java.util.List;

/** Kafka topic names: one topic per aggregate, keyed by the aggregate id (the CloudEvents {@code subject}). */
public final class Topics {

    /** Order lifecycle events, keyed by order id. */
    public static final String ORDERS = "portage.orders";
    /** Yard and dock events, keyed by appointment id. */
    public static final String YARD = "portage.yard";
    /** Shipment events, keyed by shipment id. */
    public static final String SHIPMENTS = "portage.shipments";
    /** Freight finance events, keyed by charge, invoice, carrier invoice or refund id. */
    public static final String FINANCE = "portage.finance";
    /** Warehouse floor events from scanners and the WMS, keyed by the inbound receipt id or the picked order's id. */
    public static final String WAREHOUSE = "portage.warehouse";
    /** Changes captured from the ERP (Odoo), keyed by the ERP record ({@code <model>/<id>}). */
    public static final String ERP = "portage.erp";

    /** Every domain topic, as a deployment provisions them (the local stack creates them when Kafka starts). */
    public static final List<String> ALL = List.of(ORDERS, YARD, SHIPMENTS, FINANCE, WAREHOUSE, ERP);

    /** Partitions per domain topic: order per aggregate holds within one partition, keyed by the subject. */
    public static final int PARTITIONS = 3;

    /** The dead-letter topic of one consuming service, e.g. {@code portage.dlq.shipment-service}. */
    public static String deadLetters(String service) {
        return "portage.dlq." + service;
    }

    private Topics() {
    }
}
