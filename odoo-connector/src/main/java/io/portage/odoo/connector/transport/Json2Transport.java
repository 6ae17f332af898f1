package io.portage.odoo.connector.transport;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.error.OdooAuthException;
import io.portage.odoo.connector.error.OdooErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** Odoo 19's JSON-2 API: {@code POST /json/2/<model>/<method>} with a bearer API key and {@code X-Odoo-Database}. */
public final class Json2Transport implements OdooTransport {

    private final HttpCaller http;
    private final ObjectMapper mapper;
    private final Credentials credentials;
    private final String database;

    public Json2Transport(HttpCaller http, ObjectMapper mapper, Credentials credentials, String database) {
        this.http = http;
        this.mapper = mapper;
        this.credentials = credentials;
        this.database = database;
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON_2;
    }

    @Override
    public Uni<JsonNode> executeKw(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return Uni.createFrom().deferred(() -> {
            Buffer body = Buffer.buffer(mapper.valueToTree(Json2Params.body(method, args, kwargs)).toString());
            boolean unwrap = Json2Params.unwrapSingle(method, args);
            Credential first = credentials.current();
            return send(first, model, method, body)
                    .onFailure(OdooAuthException.class)
                    .recoverWithUni(failure -> credentials
                            .reloadAfterAuthFailure(first)
                                    ? send(credentials.current(), model, method, body)
                                    : Uni.createFrom().failure(failure))
                    .map(result -> unwrap && result.isArray() && result.size() == 1 ? result.get(0) : result);
        });
    }

    private Uni<JsonNode> send(Credential credential, String model, String method, Buffer body) {
        if (!credential.apiKey()) {
            return Uni.createFrom().failure(new OdooAuthException("no-api-key", "JSON-2 needs an API key"));
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "bearer " + credential.secret())
                .add("X-Odoo-Database", database);
        return http.post("/json/2/" + model + "/" + method, "application/json", body, headers).map(this::result);
    }

    private JsonNode result(HttpResponse<Buffer> response) {
        JsonNode answer;
        try {
            String text = response.bodyAsString();
            answer = text == null || text.isBlank() ? mapper.nullNode() : mapper.readTree(text);
        } catch (Exception e) {
            answer = null;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 && answer != null) {
            return answer;
        }
        if (answer != null && answer.isObject() && answer.has("name")) {
            throw OdooErrors.fromJson2(status, answer);
        }
        throw OdooErrors.fromHttpStatus(status, "JSON-2 call answered HTTP " + status);
    }
}
