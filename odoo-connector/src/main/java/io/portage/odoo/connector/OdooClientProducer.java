package io.portage.odoo.connector;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.core.Vertx;

/** Produces the application's {@link OdooClient} for the Odoo instance configured under {@code portage.odoo.*}. */
@Singleton
public class OdooClientProducer {

    @Produces
    @Singleton
    OdooClient odooClient(Vertx vertx, ObjectMapper mapper, OdooConfig config) {
        return OdooClient.create(vertx, mapper, config);
    }

    void close(@Disposes OdooClient client) {
        client.close();
    }
}
