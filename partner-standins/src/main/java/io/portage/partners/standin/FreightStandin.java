package io.portage.partners.standin;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a legacy freight (LTL) carrier's XML API the tests start: quotes ({@code POST /xml/rate}), bills of
 * lading that give a PRO number ({@code POST /xml/bol}), cancelling one ({@code POST /xml/bol/{pro}/cancel}) and the
 * trace polled by PRO ({@code GET /xml/trace?pro=}) with EDI 214 status codes; its account in {@code X-Account};
 * errors as {@code <Error><Code/><Message/></Error>}, a refused destination with HTTP 200 as such carriers do.
 */
public final class FreightStandin {

    private final String account;
    private final HttpServer server;
    private final AtomicLong numbers = new AtomicLong(4_000_000);
    private final Map<String, String> traces = new ConcurrentHashMap<>();
    private final AtomicInteger traceCalls = new AtomicInteger();
    private volatile String refusedCountry;

    private final String currency;

    /** A carrier quoting in EUR on a free loopback port. */
    public FreightStandin(String account) throws IOException {
        this(account, "EUR", 0);
    }

    /** A carrier quoting in {@code currency} on a loopback port ({@code 0}: any free one). */
    public FreightStandin(String account, String currency, int port) throws IOException {
        this.account = account;
        this.currency = currency;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    public void reset() {
        refusedCountry = null;
        traceCalls.set(0);
    }

    /** Answers quotes to this destination country with an error (HTTP 200, as the carrier does). */
    public void refuseCountry(String country) {
        refusedCountry = country;
    }

    /** The trace of a PRO number: each event's EDI 214 code, description, date, city and country. */
    public void trace(String pro, List<Map<String, String>> events) {
        StringBuilder xml = new StringBuilder("<TraceResponse><ProNumber>" + pro + "</ProNumber>");
        for (Map<String, String> event : events) {
            xml.append("<Event><Code>")
                    .append(event.get("code"))
                    .append("</Code><Description>")
                    .append(event.get("description"))
                    .append("</Description><Date>")
                    .append(event.get("date"))
                    .append("</Date><City>")
                    .append(event.get("city"))
                    .append("</City><Country>")
                    .append(event.get("country"))
                    .append("</Country></Event>");
        }
        traces.put(pro, xml.append("</TraceResponse>").toString());
    }

    public int traceCalls() {
        return traceCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!account.equals(exchange.getRequestHeaders().getFirst("X-Account"))) {
            respond(exchange, 403, error("AUTH01", "Unknown account"));
            return;
        }
        if (path.equals("/xml/rate")) {
            if (refusedCountry != null && refusedCountry.equals(field(body, "DestCountry"))) {
                respond(exchange, 200, "<RateResponse>" + error("E102", "Destination not served: " + refusedCountry)
                        + "</RateResponse>");
                return;
            }
            BigDecimal kg = new BigDecimal(field(body, "WeightKg"));
            BigDecimal charge = new BigDecimal("45.00").add(kg.multiply(new BigDecimal("0.40")))
                    .setScale(2, RoundingMode.HALF_UP);
            respond(exchange, 200, "<RateResponse><Quote><QuoteNumber>Q" + numbers.incrementAndGet()
                    + "</QuoteNumber><Service>LTL Standard</Service><TotalCharge currency=\"" + currency + "\">"
                    + charge.toPlainString()
                    + "</TotalCharge><TransitDays>3</TransitDays></Quote></RateResponse>");
        } else if (path.equals("/xml/bol")) {
            String pro = "FL" + numbers.incrementAndGet();
            respond(exchange, 200, "<BolResponse><ProNumber>" + pro + "</ProNumber><LabelUrl>" + url() + "/bol/" + pro
                    + ".pdf</LabelUrl></BolResponse>");
        } else if (path.matches("/xml/bol/[^/]+/cancel")) {
            respond(exchange, 200, "<CancelResponse><Status>CANCELLED</Status></CancelResponse>");
        } else if (path.equals("/xml/trace")) {
            traceCalls.incrementAndGet();
            String pro = exchange.getRequestURI().getQuery().replaceFirst("^pro=", "");
            String trace = traces.get(pro);
            if (trace == null) {
                respond(exchange, 404, error("T404", "PRO " + pro + " not found"));
                return;
            }
            respond(exchange, 200, trace);
        } else {
            respond(exchange, 404, error("N404", "No such function " + path));
        }
    }

    private static String field(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    private static String error(String code, String message) {
        return "<Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>";
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
