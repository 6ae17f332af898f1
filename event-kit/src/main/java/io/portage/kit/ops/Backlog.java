package io.portage.kit.ops;

/**
 * Work that waits and costs money while it waits (orders not shipped, deliveries not invoiced, returns not refunded),
 * as a service offers it at {@code GET /ops/backlogs}: a CDI bean per backlog, whose one SQL query selects its items.
 * The event kit counts them, finds the oldest and lists them; whoever holds {@link #ownerRole()} (and operators) sees
 * the backlog. A service usually declares its backlogs as producer methods returning {@link #of}.
 */
public interface Backlog {

    /** A backlog from its parts; see the methods of {@link Backlog} for what each is. */
    static Backlog of(String name, String title, String ownerRole, String itemKind, String items) {
        return new Query(name, title, ownerRole, itemKind, items);
    }

    /** A backlog given by its parts. */
    record Query(String name, String title, String ownerRole, String itemKind, String items) implements Backlog {
    }

    /** Its key in {@code /ops/backlogs/{name}}: lower-case words joined by hyphens, unique in the service. */
    String name();

    /** What waits, for people: "Orders awaiting shipment confirmation". */
    String title();

    /** The realm role whose people work it off ({@code ops}, {@code finance}, {@code warehouse}). */
    String ownerRole();

    /**
     * What an item's key is (e.g. {@code order}, {@code tracking}, {@code appointment}), so the console can look it
     * up; the kinds the console's search takes are {@code order} (the channel's order number), {@code order-id} (Portage's),
     * {@code odoo}, {@code tracking} and {@code trailer}.
     */
    String itemKind();

    /**
     * The items as one native SQL query over the service's own tables, selecting three columns in this order: the
     * item's key (text), since when it waits (timestamptz, never null) and a short detail for people (text, may be
     * null). Tables are named {@code {h-schema}table}, in the service's schema. The kit wraps it to count, to find
     * the oldest and to list the oldest first; it takes no parameters.
     */
    String items();
}
