package io.portage.odoo.connector.transport;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooConfig.Protocol;
import io.portage.odoo.connector.error.OdooErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** Odoo's XML-RPC API at {@code /xmlrpc/2/common} (login) and {@code /xmlrpc/2/object} ({@code execute_kw}). */
public final class XmlRpcTransport extends SessionTransport {

    private final HttpCaller http;

    public XmlRpcTransport(HttpCaller http, Credentials credentials, String database) {
        super(credentials, database);
        this.http = http;
    }

    @Override
    public Protocol protocol() {
        return Protocol.XML_RPC;
    }

    @Override
    protected Uni<Integer> login(Credential credential) {
        return rpc("/xmlrpc/2/common", "login", loginArgs(credential))
                .map(SessionTransport::uidOrFail);
    }

    @Override
    protected Uni<JsonNode> call(int uid, Credential credential, String model, String method, List<?> args,
            Map<String, ?> kwargs) {
        return rpc("/xmlrpc/2/object", "execute_kw", executeKwArgs(uid, credential, model, method, args, kwargs));
    }

    private Uni<JsonNode> rpc(String path, String method, List<?> params) {
        return http.post(path, "text/xml", Buffer.buffer(XmlRpc.methodCall(method, params)))
                .map(XmlRpcTransport::result);
    }

    private static JsonNode result(HttpResponse<Buffer> response) {
        if (response.statusCode() >= 300) {
            throw OdooErrors.fromHttpStatus(response.statusCode(), "XML-RPC call answered HTTP " + response.statusCode());
        }
        XmlRpc.Response decoded;
        try {
            decoded = XmlRpc.parseResponse(response.bodyAsString());
        } catch (IllegalArgumentException e) {
            throw OdooErrors.fromHttpStatus(502, e.getMessage());
        }
        if (decoded.isFault()) {
            throw OdooErrors.fromXmlRpcFault(decoded.faultCode(), decoded.faultString());
        }
        return decoded.value();
    }
}
