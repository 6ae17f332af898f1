package io.portage.odoo.connector.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.error.OdooErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** Odoo's JSON-RPC API at {@code POST /jsonrpc} ({@code common.login}, {@code object.execute_kw}), Odoo 8 to 19. */
public final class JsonRpcTransport extends SessionTransport {

    private final HttpCaller http;
    private final ObjectMapper mapper;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcTransport(HttpCaller http, ObjectMapper mapper, Credentials credentials, String database) {
        super(credentials, database);
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON_RPC;
    }

    @Override
    protected Uni<Integer> login(Credential credential) {
        return rpc("common", "login", loginArgs(credential))
                .map(SessionTransport::uidOrFail);
    }

    @Override
    protected Uni<JsonNode> call(int uid, Credential credential, String model, String method, List<?> args,
            Map<String, ?> kwargs) {
        return rpc("object", "execute_kw", executeKwArgs(uid, credential, model, method, args, kwargs));
    }

    private Uni<JsonNode> rpc(String service, String method, List<?> args) {
        ObjectNode body = mapper.createObjectNode().put("jsonrpc", "2.0").put("method", "call");
        body.putObject("params").put("service", service).put("method", method).set("args", mapper.valueToTree(args));
        body.put("id", ids.incrementAndGet());
        return http.post("/jsonrpc", "application/json", Buffer.buffer(body.toString()))
                .map(response -> result(response, mapper));
    }

    /**
     * The {@code result} of a JSON-RPC answer, or its {@code error} as a typed exception; an envelope without either is
     * a method that returned None (ODOO.md: treat it as success), answered as JSON {@code null}.
     */
    static JsonNode result(HttpResponse<Buffer> response, ObjectMapper mapper) {
        JsonNode answer;
        try {
            answer = mapper.readTree(response.bodyAsString());
        } catch (Exception e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw OdooErrors.fromHttpStatus(response.statusCode(), "not a JSON-RPC answer (HTTP "
                    + response.statusCode() + ")");
        }
        if (answer.hasNonNull("error")) {
            throw OdooErrors.fromJsonRpc(answer.get("error"));
        }
        if (response.statusCode() >= 300) {
            throw OdooErrors.fromHttpStatus(response.statusCode(), "HTTP " + response.statusCode());
        }
        if (answer.has("result")) {
            return answer.get("result");
        }
        if (answer.has("jsonrpc")) {
            return NullNode.getInstance();
        }
        return answer;
    }
}
