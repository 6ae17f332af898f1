package io.portage.odoo.connector.transport;

import java.time.Duration;

import io.portage.odoo.connector.OdooConfig;
import io.portage.odoo.connector.error.OdooErrors;
import io.portage.odoo.connector.error.OdooUnavailableException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/** POSTs to one Odoo base URL with the per-call timeout; connection failures and timeouts become unavailable errors. */
public final class HttpCaller {

    private final WebClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final String userAgent;

    public HttpCaller(WebClient client, OdooConfig config) {
        this.client = client;
        this.baseUrl = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1) : config.url();
        this.timeout = config.timeout();
        this.userAgent = config.userAgent();
    }

    public Uni<HttpResponse<Buffer>> post(String path, String contentType, Buffer body, MultiMap headers) {
        return Uni.createFrom()
                .deferred(() -> client.postAbs(baseUrl + path)
                        .putHeader("Content-Type", contentType)
                        .putHeader("User-Agent", userAgent)
                        .putHeaders(headers)
                        .sendBuffer(body))
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new OdooUnavailableException("timeout",
                        "Odoo did not answer " + path + " within " + timeout.toMillis() + " ms"))
                .onFailure()
                .transform(OdooErrors::fromThrowable);
    }

    public Uni<HttpResponse<Buffer>> post(String path, String contentType, Buffer body) {
        return post(path, contentType, body, MultiMap.caseInsensitiveMultiMap());
    }
}
