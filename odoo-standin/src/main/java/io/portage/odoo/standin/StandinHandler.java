package io.portage.odoo.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Routes {@code /web/webclient/version_info}, {@code /jsonrpc}, {@code /xmlrpc/2/common|object} and
 * {@code /json/2/<model>/<method>} to the stand-in's ORM, applying the injected faults and latency.
 */
final class StandinHandler implements HttpHandler {

    private static final Duration STALL = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OdooStandin standin;
    private final Orm orm;

    StandinHandler(OdooStandin standin, Orm orm) {
        this.standin = standin;
        this.orm = orm;
    }

    /** What one call answers: a status, a content type and a body. */
    private record Answer(int status, String contentType, byte[] body) {

        static Answer json(int status, Object body) {
            try {
                return new Answer(status, "application/json", JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Answer xml(String body) {
            return new Answer(200, "text/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer html(int status, String title, String text) {
            String page = "<!doctype html>\n<html lang=en>\n<title>" + status + " " + title + "</title>\n<h1>" + title
                    + "</h1>\n<p>" + text + "</p>\n";
            return new Answer(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A parsed call: the model and method it runs (null for the common service) and how to perform it. */
    private record Call(String model, String method, Supplier<Answer> perform,
            Function<OdooError, Answer> failure) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            standin.workers().acquire();
            try {
                answer(exchange);
            } finally {
                standin.workers().release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException {
        sleep(standin.faults().latency());
        String path = exchange.getRequestURI().getPath();
        boolean post = exchange.getRequestMethod().equals("POST");
        byte[] body = exchange.getRequestBody().readAllBytes();
        Answer answer;
        if (path.equals("/web/webclient/version_info")) {
            answer = post ? versionInfo(body) : methodNotAllowed();
        } else if (path.equals("/jsonrpc") || path.startsWith("/xmlrpc/2/") || path.startsWith("/json/2/")
                && standin.major() >= 19) {
            if (!post) {
                answer = methodNotAllowed();
            } else {
                Call call = parse(path, exchange, body);
                if (call == null) {
                    answer = Answer.html(404, "Not Found", "The requested URL was not found on the server.");
                } else {
                    answer = withFault(call);
                    if (answer == null) {
                        return;
                    }
                }
            }
        } else {
            answer = Answer.html(404, "Not Found", "The requested URL was not found on the server.");
        }
        exchange.getResponseHeaders().set("Content-Type", answer.contentType);
        exchange.sendResponseHeaders(answer.status, answer.body.length);
        exchange.getResponseBody().write(answer.body);
    }

    private Answer withFault(Call call) throws InterruptedException {
        Fault fault = standin.faults().take(call.model, call.method);
        if (fault == null) {
            return performAndCost(call);
        }
        return switch (fault) {
            case UNAVAILABLE_503 -> Answer.html(503, "Service Unavailable",
                    "The server is temporarily unable to service your request.");
            case DROP_CONNECTION -> null;
            case CONCURRENCY_ERROR -> {
                if (call.model != null) {
                    orm.countCall(call.model, call.method);
                }
                yield call.failure.apply(OdooError.serializationFailure());
            }
            case TIMEOUT_AFTER_COMMIT -> {
                Answer answer = performAndCost(call);
                sleep(STALL);
                yield answer;
            }
        };
    }

    /** Performs the call, then spends the method's cost for the records it created or ran on (even if it failed). */
    private Answer performAndCost(Call call) throws InterruptedException {
        orm.takeRecords();
        Answer answer = perform(call);
        int records = orm.takeRecords();
        if (call.model != null) {
            sleep(standin.faults().cost(call.model, call.method, records));
        }
        return answer;
    }

    private static Answer perform(Call call) {
        try {
            return call.perform.get();
        } catch (OdooError e) {
            return call.failure.apply(e);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration);
        }
    }

    private static Answer methodNotAllowed() {
        return Answer.html(405, "Method Not Allowed", "The method is not allowed for the requested URL.");
    }

    private Answer versionInfo(byte[] body) {
        Object id = null;
        try {
            id = JSON.readValue(body, Map.class).get("id");
        } catch (IOException | RuntimeException e) {
            // version_info answers whatever the body
        }
        return jsonRpcResult(id, standin.versionInfo());
    }

    private Call parse(String path, HttpExchange exchange, byte[] body) {
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

    private Call jsonRpc(byte[] body) {
        Map<?, ?> request;
        try {
            request = JSON.readValue(body, Map.class);
        } catch (IOException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", -32700);
            error.put("message", "Parse error");
            Answer answer = Answer.json(200, envelope(null, "error", error));
            return new Call(null, null, () -> answer, e2 -> answer);
        }
        Object id = request.get("id");
        Map<?, ?> params = request.get("params") instanceof Map<?, ?> p ? p : Map.of();
        String service = String.valueOf(params.get("service"));
        String method = String.valueOf(params.get("method"));
        List<Object> args = params.get("args") instanceof List<?> a ? new ArrayList<>(a) : new ArrayList<>();
        Function<OdooError, Answer> failure = e -> jsonRpcError(id, e);
        ObjectCall objectCall = service.equals("object") ? ObjectCall.of(method, args) : null;
        return new Call(objectCall == null ? null : objectCall.model, objectCall == null ? null : objectCall.method,
                () -> jsonRpcResult(id, dispatch(service, method, args, objectCall)), failure);
    }

    private static Answer jsonRpcResult(Object id, Object result) {
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
        envelope.put(key, value);
        return envelope;
    }

    private Call xmlRpc(String service, byte[] body) {
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
            return new Call(null, null, () -> failure.apply(error), failure);
        }
        ObjectCall objectCall = service.equals("object") ? ObjectCall.of(call.method(), call.params()) : null;
        return new Call(objectCall == null ? null : objectCall.model, objectCall == null ? null : objectCall.method,
                () -> Answer.xml(XmlRpc.response(dispatch(service, call.method(), call.params(), objectCall))),
                failure);
    }

    /** The model and method of an {@code object} service call, read before authentication (for faults and counts). */
    private record ObjectCall(String model, String method) {

        static ObjectCall of(String serviceMethod, List<Object> args) {
            if ((serviceMethod.equals("execute_kw") || serviceMethod.equals("execute")) && args.size() >= 5
                    && args.get(3) instanceof String model && args.get(4) instanceof String method) {
                return new ObjectCall(model, method);
            }
            return null;
        }
    }

    private Object dispatch(String service, String method, List<Object> args, ObjectCall objectCall) {
        switch (service) {
            case "common" -> {
                return switch (method) {
                    case "version" -> standin.versionInfo();
                    case "login" -> login(args, 3);
                    case "authenticate" -> login(args, 4);
                    default -> throw OdooError.attributeError("module 'odoo.service.common' has no attribute 'exp_"
                            + method + "'");
                };
            }
            case "db" -> {
                if (method.equals("list")) {
                    return List.of(standin.database());
                }
                if (method.equals("server_version")) {
                    return standin.versionInfo().get("server_version");
                }
                throw OdooError.accessDenied();
            }
            case "object" -> {
                if (args.size() < 3) {
                    throw OdooError.typeError(method + "() missing required positional arguments");
                }
                checkDatabase(args.get(0));
                if (!(args.get(1) instanceof Number uid) || uid.intValue() != Orm.UID
                        || !standin.acceptsPassword(String.valueOf(args.get(2)))) {
                    throw OdooError.accessDenied();
                }
                if (objectCall == null) {
                    throw OdooError.typeError(method + "() needs a model and a method name");
                }
                if (method.equals("execute_kw")) {
                    List<Object> callArgs = args.size() > 5 && args.get(5) instanceof List<?> l
                            ? new ArrayList<>(l)
                            : new ArrayList<>();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> kwargs = args.size() > 6 && args.get(6) instanceof Map<?, ?> m
                            ? (Map<String, Object>) m
                            : Map.of();
                    return orm.executeKw(objectCall.model, objectCall.method, callArgs, kwargs);
                }
                return orm.executeKw(objectCall.model, objectCall.method, new ArrayList<>(args.subList(5, args.size())),
                        Map.of());
            }
            default -> throw OdooError.valueError("No such service: " + service);
        }
    }

    private Object login(List<Object> args, int arity) {
        if (args.size() < arity) {
            throw OdooError.typeError("exp_" + (arity == 3 ? "login" : "authenticate") + "() missing "
                    + (arity - args.size()) + " required positional argument(s)");
        }
        checkDatabase(args.get(0));
        boolean ok = standin.login().equals(String.valueOf(args.get(1)))
                && standin.acceptsPassword(String.valueOf(args.get(2)));
        return ok ? (Object) Orm.UID : (Object) false;
    }

    private void checkDatabase(Object database) {
        if (!standin.database().equals(String.valueOf(database))) {
            throw OdooError.operationalError("connection to server failed: FATAL:  database \"" + database
                    + "\" does not exist\n");
        }
    }

    private Call json2(String model, String method, HttpExchange exchange, byte[] body) {
        Function<OdooError, Answer> failure = StandinHandler::json2Error;
        return new Call(model, method, () -> {
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
                        : JSON.readValue(body, LinkedHashMap.class);
                params = parsed;
            } catch (IOException | RuntimeException e) {
                throw OdooError.badRequest("Invalid JSON data");
            }
            List<Integer> ids;
            try {
                ids = Orm.toIds(params.remove("ids"));
            } catch (OdooError e) {
                throw OdooError.unprocessable(e.getMessage());
            }
            params.remove("context");
            return Answer.json(200, orm.executeJson2(model, method, ids, params));
        }, failure);
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
