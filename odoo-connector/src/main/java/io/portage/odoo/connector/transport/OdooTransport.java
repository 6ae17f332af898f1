package io.portage.odoo.connector.transport;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.smallrye.mutiny.Uni;

/** One of Odoo's external APIs, spoken in {@code execute_kw} terms: a model, a method, positional args and kwargs. */
public interface OdooTransport {

    /** Calls {@code model.method(*args, **kwargs)} once; failures are {@link io.portage.odoo.connector.error.OdooException}s. */
    Uni<JsonNode> executeKw(String model, String method, List<?> args, Map<String, ?> kwargs);

    Protocol protocol();
}
