package io.portage.odoo.standin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;

/**
 * Parses a call on {@code /jsonrpc}, {@code /xmlrpc/2/<service>} or {@code /json/2/<model>/<method>} and shapes its
 * answer as that protocol does: JSON-RPC's envelope (no {@code result} key when the method returned None), XML-RPC's
 * response or fault, JSON-2's bare value or error with a real status.
 */
final class Routes {

    private final OdooStandin standin;
    private final Orm orm;
    private final Services services;

    Routes(OdooStandin standin, Orm orm) {
        this.standin = standin;
        this.orm = orm;
        this.services = new Services(standin, orm);
    }

    RpcCall parse(String path, HttpExchange exchange, byte[] body) {
        if (path.equals("/jsonrpc")) {
            return jsonRpc(body);
        }
        if (path.startsWith("/xmlrpc/2/")) {
            return xmlRpc(path.substring("/xmlrpc/2/".length()), body);
        }
        String[] parts = path.substring("/json/2/".length()).split("/");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return json2(parts[0], parts[1], exchange, body);
    }

    private RpcCall jsonRpc(byte[] body) {
        Map<?, ?> request;
        try {
            request = Answer.JSON.readValue(body, Map.class);
        } catch (IOException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", -32700);
            error.put("message", "Parse error");
            Answer answer = Answer.json(200, envelope(null, "error", error));
            return new RpcCall(null, null, () -> answer, e2 -> answer);
        }
        Object id = request.get("id");
        Map<?, ?> params = request.get("params") instanceof Map<?, ?> p ? p : Map.of();
        String service = String.valueOf(params.get("service"));
        String method = String.valueOf(params.get("method"));
        List<Object> args = params.get("args") instanceof List<?> a ? new ArrayList<>(a) : new ArrayList<>();
        Function<OdooError, Answer> failure = e -> jsonRpcError(id, e);
        RpcCall.Target target = service.equals("object") ? RpcCall.Target.of(method, args) : null;
        return new RpcCall(target == null ? null : target.model(), target == null ? null : target.method(),
                () -> jsonRpcResult(id, services.dispatch(service, method, args, target)), failure);
    }

    /** Odoo's {@code _json_response}: the {@code result} key only when the result is not None. */
    static Answer jsonRpcResult(Object id, Object result) {
        return Answer.json(200, envelope(id, "result", result));
    }

    private static Answer jsonRpcError(Object id, OdooError e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", e.name);
        data.put("debug", e.debug());
        data.put("message", e.getMessage());
        data.put("arguments", e.arguments);
        data.put("context", Map.of());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", 200);
        error.put("message", "Odoo Server Error");
        error.put("data", data);
        return Answer.json(200, envelope(id, "error", error));
    }

    private static Map<String, Object> envelope(Object id, String key, Object value) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("id", id);
        if (value != null) {
            envelope.put(key, value);
        }
        return envelope;
    }

    private RpcCall xmlRpc(String service, byte[] body) {
        if (!service.equals("common") && !service.equals("object") && !service.equals("db")) {
            return null;
        }
        Function<OdooError, Answer> failure = e -> Answer
                .xml(XmlRpc.fault(e.faultCode, e.odooException() ? e.getMessage() : e.debug()));
        XmlRpc.Call call;
        try {
            call = XmlRpc.parse(body);
        } catch (IllegalArgumentException e) {
            OdooError error = OdooError.valueError(e.getMessage());
            return new RpcCall(null, null, () -> failure.apply(error), failure);
        }
        RpcCall.Target target = service.equals("object") ? RpcCall.Target.of(call.method(), call.params()) : null;
        return new RpcCall(target == null ? null : target.model(), target == null ? null : target.method(), () -> {
            Object result = services.dispatch(service, call.method(), call.params(), target);
            try {
                return Answer.xml(XmlRpc.response(result));
            } catch (IllegalArgumentException e) {
                throw OdooError.typeError(e.getMessage());
            }
        }, failure);
    }

    private RpcCall json2(String model, String method, HttpExchange exchange, byte[] body) {
        return new RpcCall(model, method, () -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String key = authorization != null && authorization.regionMatches(true, 0, "bearer ", 0, 7)
                    ? authorization.substring(7).trim()
                    : null;
            if (key == null || !key.equals(standin.apiKey())) {
                throw OdooError.unauthorized("Invalid apikey");
            }
            String database = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
            if (database != null && !database.equals(standin.database())) {
                throw OdooError.notFound("database '" + database + "' not found");
            }
            Map<String, Object> params;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = body.length == 0
                        ? new LinkedHashMap<>()
                        : Answer.JSON.readValue(body, LinkedHashMap.class);
                params = parsed;
            } catch (IOException | RuntimeException e) {
                throw OdooError.badRequest("Invalid JSON data");
            }
            List<Integer> ids;
            try {
                ids = X2many.toIds(params.remove("ids"));
            } catch (OdooError e) {
                throw OdooError.unprocessable(e.getMessage());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> context = params.remove("context") instanceof Map<?, ?> m
                    ? (Map<String, Object>) m
                    : Map.of();
            return Answer.json(200, orm.methods.executeJson2(model, method, ids, params, context));
        }, Routes::json2Error);
    }

    private static Answer json2Error(OdooError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", e.name);
        body.put("message", e.getMessage());
        body.put("arguments", e.arguments);
        body.put("context", Map.of());
        body.put("debug", e.debug());
        return Answer.json(e.httpStatus, body);
    }
}
