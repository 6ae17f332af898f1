package io.portage.odoo.sync;

import io.portage.odoo.connector.ops.OdooInstance;

/**
 * The Odoo at the configured address is not the instance Portage's Odoo ids came from: writes and polls wait until an
 * operator confirms the new instance ({@code POST /ops/odoo-sync/instance/confirm}).
 */
public class OdooInstanceChangedException extends RuntimeException {

    private final OdooInstance bound;
    private final OdooInstance seen;

    public OdooInstanceChangedException(OdooInstance bound, OdooInstance seen) {
        super("Odoo at " + seen.url() + " (database " + seen.database() + ", created " + seen.databaseCreated()
                + ", fingerprint " + seen.fingerprint() + ") is not the instance Portage's Odoo ids came from ("
                + bound.url() + ", database " + bound.database() + ", created " + bound.databaseCreated()
                + ", fingerprint " + bound.fingerprint() + "); writes wait until an operator confirms it");
        this.bound = bound;
        this.seen = seen;
    }

    public OdooInstance bound() {
        return bound;
    }

    public OdooInstance seen() {
        return seen;
    }
}
