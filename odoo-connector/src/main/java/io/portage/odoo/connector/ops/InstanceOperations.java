package io.portage.odoo.connector.ops;

import java.util.List;

import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.error.OdooMissingException;
import io.smallrye.mutiny.Uni;

/** What identifies the Odoo instance the integration user reads, without rights to {@code ir.config_parameter}. */
public final class InstanceOperations {

    private final OdooClient client;

    InstanceOperations(OdooClient client) {
        this.client = client;
    }

    /**
     * The configured URL and database, the server's version ({@code version_info}) and {@code res.company} 1's
     * {@code create_date}; {@code database.uuid} is not read (only Administration/Settings may).
     */
    public Uni<OdooInstance> identify() {
        return client.version()
                .chain(version -> client.calls()
                        .read("res.company", List.of(1L), List.of("create_date"))
                        .map(rows -> {
                            if (rows.isEmpty()) {
                                throw new OdooMissingException("odoo.exceptions.MissingError", "res.company 1 not found");
                            }
                            return new OdooInstance(client.url(), client.database(), version.serverVersion(), version.serie(),
                                    rows.get(0).path("create_date").asText());
                        }));
    }
}
