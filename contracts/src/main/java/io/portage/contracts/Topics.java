package io.portage.contracts;

/** Kafka topic names: one topic per aggregate, keyed by the aggregate id (the CloudEvents {@code subject}). */
public final class Topics {

    /** Order lifecycle events, keyed by order id. */
    public static final String ORDERS = "portage.orders";
    /** Yard and dock events, keyed by appointment id. */
    public static final String YARD = "portage.yard";
    /** Shipment events, keyed by shipment id. */
    public static final String SHIPMENTS = "portage.shipments";
    /** Freight finance events, keyed by charge or invoice id. */
    public static final String FINANCE = "portage.finance";

    private Topics() {
    }
}
