package io.portage.order.service;

import java.time.Instant;
import java.util.UUID;

import io.portage.order.domain.OrderStatus;

/**
 * A fact about an order's fulfilment as another service or Odoo published it, read from its event: which order it is
 * about ({@link Ref}), what happened ({@link Fact}) and when. {@code eventId} is the inbox key (the CloudEvent id).
 */
public record LifecycleEvent(String eventId, String type, Ref ref, Fact fact, Instant at, String source) {

    /** How the event names the order. */
    public record Ref(Kind kind, String value) {

        public static Ref order(UUID orderId) {
            return new Ref(Kind.ORDER, orderId.toString());
        }

        public static Ref shipment(UUID shipmentId) {
            return new Ref(Kind.SHIPMENT, shipmentId.toString());
        }

        public static Ref odooOrder(long saleOrderId) {
            return new Ref(Kind.ODOO_ORDER_ID, Long.toString(saleOrderId));
        }

        public static Ref odooOrderName(String name) {
            return new Ref(Kind.ODOO_ORDER_NAME, name);
        }

        /**
         * Portage's own events name a Portage order (or shipment): not finding it is an error for a person (a dead
         * letter to replay). Odoo's events are about every sale order in Odoo, most of them not Portage's: those are
         * skipped.
         */
        public boolean portageOwned() {
            return kind == Kind.ORDER || kind == Kind.SHIPMENT;
        }
    }

    /** The ways events name an order. */
    public enum Kind {
        ORDER, SHIPMENT, ODOO_ORDER_ID, ODOO_ORDER_NAME
    }

    /** What happened. */
    public sealed interface Fact {
    }

    /** The order reached a fulfilment milestone; {@code recordLate} false for repeated reports (tracking scans). */
    public record Milestone(OrderStatus status, String detail, boolean recordLate) implements Fact {
    }

    /** shipment-service planned this shipment for the order: later shipment events name only the shipment. */
    public record ShipmentPlanned(UUID shipmentId) implements Fact {
    }

    /** One of the order's transfers was validated in Odoo. */
    public record PickingDone(long pickingId, String name, String trackingRef) implements Fact {
    }

    /** A customer invoice for the order was posted in Odoo. */
    public record Invoiced(String invoiceName) implements Fact {
    }

    /** The sale order was cancelled in Odoo. */
    public record CancelledInErp(String odooName) implements Fact {
    }
}
