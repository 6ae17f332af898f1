package io.portage.stack;

import java.nio.file.Path;

/**
 * The settings each service of the suite starts with in the local stack ({@code ./portage up}): its port, Kafka, its
 * database, the realm, and what is its own; the secrets among them go through {@link QuarkusService#withSecret}, so
 * they never appear on a command line.
 */
final class ServiceSettings {

    private ServiceSettings() {
    }

    static QuarkusService of(Launcher launcher, Launcher.Service service, String kafka, PostgresServer postgres,
            String issuer) {
        Path run = launcher.runDir();
        QuarkusService quarkus = new QuarkusService(service.name(), launcher.checkout(), launcher.port(service))
                .with("kafka.bootstrap.servers", kafka);
        if (service.database() != null) {
            quarkus.with("quarkus.datasource.reactive.url", postgres.reactiveUrl(service.database()))
                    .with("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()))
                    .with("quarkus.datasource.username", PostgresServer.USER);
        }
        if (!service.name().equals("edge-agent")) {
            // Every service verifies the access tokens itself (it starts before Keycloak and connects on first use).
            quarkus.with("quarkus.oidc.auth-server-url", issuer);
        }
        switch (service.name()) {
            // Local webhook receivers may be plain http:// on this machine.
            case "gateway" -> quarkus.with("portage.gateway.webhooks.allow-http", "true")
                    // The realm's portage-onboarding client: operators onboard partners at /api/v1/ops/partners.
                    .withSecret("portage.gateway.onboarding.client-secret", "portage-onboarding-dev-secret")
                    .with("portage.gateway.downstreams.order-service.url", launcher.url("order-service"))
                    .with("portage.gateway.downstreams.yard-service.url", launcher.url("yard-service"))
                    .with("portage.gateway.downstreams.shipment-service.url", launcher.url("shipment-service"))
                    // finance-service: carriers' invoices (route group carrier-invoices, in the gateway's own
                    // configuration) and its operations API, where the console's finance people settle their items.
                    .with("portage.gateway.downstreams.finance-service.url", launcher.url("finance-service"))
                    // edi-gateway: its operations API only (EDI exceptions, dead letters).
                    .with("portage.gateway.downstreams.edi-gateway.url", launcher.url("edi-gateway"));
            // The operations console signs people in at the realm and calls the gateway with their tokens; it shows
            // every service the gateway relays.
            case "console" -> quarkus.with("quarkus.rest-client.gateway.url", launcher.url("gateway"))
                    .with("portage.console.services",
                            "order-service,yard-service,shipment-service,finance-service,edi-gateway");
            // The edge agent of warehouse WH1 forwards to the gateway as the realm's client edge-wh1 (partner wh1) and
            // takes the demo scanners' key and the operator's (made with its own `keys create`).
            case "edge-agent" -> quarkus.with("portage.edge.store-path", run.resolve("edge/edge-events.db").toString())
                    .with("portage.edge.auth.keys-file", EdgeKeys.file(run.resolve("edge")).toString())
                    .with("portage.edge.forward.url", launcher.url("gateway") + "/api/v1/edge/events")
                    .with("portage.edge.forward.site", Launcher.EDGE_SITE)
                    .with("quarkus.oidc-client.auth-server-url", issuer)
                    .with("quarkus.oidc-client.client-id", "edge-wh1")
                    .withSecret("quarkus.oidc-client.credentials.secret", "edge-wh1-dev-secret");
            case "order-service" -> {
                // Change capture and the master-data cache follow the Odoo: the stand-in, or PORTAGE_ODOO_URL with
                // PORTAGE_ODOO_DATABASE, PORTAGE_ODOO_LOGIN and PORTAGE_ODOO_API_KEY (or _API_KEY_FILE) from the
                // environment, which the service inherits.
                quarkus.with("portage.odoo.sync.enabled", "true")
                        .with("portage.odoo.sync.interval", "10s")
                        .withSecret("portage.odoo.sync.webhook-token", Launcher.ODOO_WEBHOOK_TOKEN)
                        // The demo's Shopify shop posts its orders as signed webhooks.
                        .withSecret("portage.orders.channels.corner-shop.webhook-secret", Launcher.SHOP_WEBHOOK_SECRET)
                        .with("portage.orders.channels.corner-shop.partner", "corner-shop")
                        // Into a real Odoo only when asked (PORTAGE_ODOO_WRITE=true); the stand-in always.
                        .with("portage.orders.hand-over.enabled", Boolean.toString(launcher.odooWrites()))
                        // Warehouse WH2 is run by the 3PL acme-3pl, which takes its shipping orders as EDI 940s.
                        .with("portage.orders.routing.wh2-to-acme.warehouse", "WH2")
                        .with("portage.orders.routing.wh2-to-acme.third-party", Launcher.THIRD_PARTY);
                if (launcher.realOdoo().isEmpty()) {
                    quarkus.with("portage.odoo.url", launcher.odooUrl())
                            .with("portage.odoo.database", Launcher.ODOO_DATABASE)
                            .with("portage.odoo.login", Launcher.ODOO_LOGIN)
                            .withSecret("portage.odoo.api-key", Launcher.ODOO_API_KEY);
                }
            }
            case "yard-service" -> {
                // Inbound bookings' purchase orders and receipts are checked and written in the same Odoo.
                if (launcher.realOdoo().isEmpty()) {
                    quarkus.with("portage.odoo.url", launcher.odooUrl())
                            .with("portage.odoo.database", Launcher.ODOO_DATABASE)
                            .with("portage.odoo.login", Launcher.ODOO_LOGIN)
                            .withSecret("portage.odoo.api-key", Launcher.ODOO_API_KEY);
                }
            }
            case "finance-service" -> {
                // Carriers' bills, freight accruals and their reversals, customer invoices and credit notes are posted
                // in the same Odoo; into a real Odoo only when asked (PORTAGE_ODOO_WRITE=true), the stand-in always.
                quarkus.with("portage.finance.odoo.enabled", Boolean.toString(launcher.odooWrites()));
                if (launcher.realOdoo().isEmpty()) {
                    quarkus.with("portage.odoo.url", launcher.odooUrl())
                            .with("portage.odoo.database", Launcher.ODOO_DATABASE)
                            .with("portage.odoo.login", Launcher.ODOO_LOGIN)
                            .withSecret("portage.odoo.api-key", Launcher.ODOO_API_KEY);
                }
            }
            case "shipment-service" -> {
                // The delivery's tracking reference, its validation at dispatch and returns are written in the same
                // Odoo; into a real Odoo only when asked (PORTAGE_ODOO_WRITE=true), the stand-in always.
                quarkus.with("portage.shipments.odoo.enabled", Boolean.toString(launcher.odooWrites()));
                // Proof-of-delivery events name the carrier's image at the partners' door, the gateway.
                quarkus.with("portage.tracking.documents-base-url", launcher.url("gateway"));
                PartnerSettings.carriers(quarkus, launcher.base());
                // Load planning: planned shipments tendered to the partners' TMS, its plans called back (signed) at
                // /webhooks/tms, each plan's outbound dock appointment booked at yard-service as the realm's client
                // shipment-service (client credentials, scope appointments:write).
                PartnerSettings.tms(quarkus, launcher.base(), launcher.url("shipment-service") + "/webhooks/tms");
                quarkus.with("portage.tms.interval", "2s")
                        .with("portage.tms.yard.url", launcher.url("yard-service"))
                        .with("portage.tms.yard.dock", Launcher.OUTBOUND_DOCK)
                        .with("quarkus.oidc-client.auth-server-url", issuer)
                        .with("quarkus.oidc-client.client-id", "shipment-service")
                        .withSecret("quarkus.oidc-client.credentials.secret", Launcher.SHIPMENT_CLIENT_SECRET);
                if (launcher.realOdoo().isEmpty()) {
                    quarkus.with("portage.odoo.url", launcher.odooUrl())
                            .with("portage.odoo.database", Launcher.ODOO_DATABASE)
                            .with("portage.odoo.login", Launcher.ODOO_LOGIN)
                            .withSecret("portage.odoo.api-key", Launcher.ODOO_API_KEY);
                }
            }
            case "edi-gateway" -> PartnerSettings.ediPartners(quarkus, launcher.partnersDir(), launcher.base());
            default -> {
            }
        }
        return quarkus;
    }
}
