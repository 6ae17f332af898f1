package io.portage.odoo.standin;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Routes {@code /web/webclient/version_info}, {@code /jsonrpc}, {@code /xmlrpc/2/common|object} and
 * {@code /json/2/<model>/<method>} to the stand-in's ORM, applying the injected faults and latency.
 */
final class StandinHandler implements HttpHandler {

    private static final Duration STALL = Duration.ofSeconds(5);
    private final OdooStandin standin;
    private final Orm orm;
    private final Routes routes;

    StandinHandler(OdooStandin standin, Orm orm) {
        this.standin = standin;
        this.orm = orm;
        this.routes = new Routes(standin, orm);
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
                RpcCall call = routes.parse(path, exchange, body);
                if (call == null) {
                    answer = Answer.notFound();
                } else {
                    answer = withFault(call);
                    if (answer == null) {
                        return;
                    }
                }
            }
        } else {
            answer = Answer.notFound();
        }
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        exchange.getResponseBody().write(answer.body());
    }

    private Answer withFault(RpcCall call) throws InterruptedException {
        Fault fault = standin.faults().take(call.model(), call.method());
        if (fault == null) {
            return performAndCost(call);
        }
        return switch (fault) {
            case UNAVAILABLE_503 -> Answer.html(503, "Service Unavailable",
                    "The server is temporarily unable to service your request.");
            case DROP_CONNECTION -> null;
            case CONCURRENCY_ERROR -> {
                if (call.model() != null) {
                    orm.methods.countCall(call.model(), call.method());
                }
                yield call.failure().apply(OdooError.serializationFailure());
            }
            case TIMEOUT_AFTER_COMMIT -> {
                Answer answer = performAndCost(call);
                sleep(STALL);
                yield answer;
            }
        };
    }

    /** Performs the call, then spends the method's cost for the records it created or ran on (even if it failed). */
    private Answer performAndCost(RpcCall call) throws InterruptedException {
        orm.methods.takeRecords();
        Answer answer = perform(call);
        int records = orm.methods.takeRecords();
        if (call.model() != null) {
            sleep(standin.faults().cost(call.model(), call.method(), records));
        }
        return answer;
    }

    private static Answer perform(RpcCall call) {
        try {
            return call.perform().get();
        } catch (OdooError e) {
            return call.failure().apply(e);
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
            id = Answer.JSON.readValue(body, Map.class).get("id");
        } catch (IOException | RuntimeException e) {
            // version_info answers whatever the body
        }
        return Routes.jsonRpcResult(id, standin.versionInfo());
    }
}
