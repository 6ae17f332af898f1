package io.portage.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.testsupport.TestTokens;
import io.restassured.response.Response;

/**
 * Fuzzes the running service under test through its own OpenAPI document ({@code /q/openapi}): every operation gets
 * hostile values in each path parameter, query parameter and header, mutated bodies, a call with valid credentials
 * and one without. Every answer must be below 500, declared by the operation (status and media type), a 4xx must be
 * problem+json naming what was wrong, and a refused write must leave the service's row counts as they were. Seeded
 * ({@code -Dportage.fuzz.seed}) and bounded by a time budget; prints how many requests it sent and how long it took.
 * A 414 or 431 is the HTTP server's own limit on the request line or headers (Vert.x: 4,096 and 8,192 bytes), answered
 * before any service code and outside what the document can declare: such an answer is counted, not judged.
 */
public final class ApiFuzz {

    /** System property: the seed (the failure message names the one used). */
    public static final String SEED = "portage.fuzz.seed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 25;

    private final String service;
    private long seed = Long.getLong(SEED, 17L);
    private int valuesPerParameter = 8;
    private int bodiesPerOperation = 6;
    private Duration budget = Duration.ofSeconds(90);
    private Function<ApiOperation, String> credentials = ApiFuzz::defaultCredentials;
    private Supplier<Map<String, Long>> rows = Map::of;
    private Predicate<ApiOperation> skipped = operation -> false;

    private ApiFuzz(String service) {
        this.service = service;
    }

    /** A harness for the service under test, named in its output. */
    public static ApiFuzz of(String service) {
        return new ApiFuzz(service);
    }

    public ApiFuzz seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** How many hostile values each parameter gets (default 8). */
    public ApiFuzz valuesPerParameter(int count) {
        this.valuesPerParameter = count;
        return this;
    }

    /** How many mutated bodies each operation with a JSON body gets (default 6). */
    public ApiFuzz bodiesPerOperation(int count) {
        this.bodiesPerOperation = count;
        return this;
    }

    /** Stops sending (and says so) once this much time has passed (default 90 s). */
    public ApiFuzz budget(Duration budget) {
        this.budget = budget;
        return this;
    }

    /** The bearer token that gets an operation past its door; null sends none. Default: from its declared scopes. */
    public ApiFuzz credentials(Function<ApiOperation, String> credentials) {
        this.credentials = credentials;
        return this;
    }

    /** Row counts of what the service stores: equal before and after every refused write. */
    public ApiFuzz rows(Supplier<Map<String, Long>> rows) {
        this.rows = rows;
        return this;
    }

    /** Operations left out, each for a reason the caller's test states. */
    public ApiFuzz skip(Predicate<ApiOperation> skipped) {
        this.skipped = skipped;
        return this;
    }

    /**
     * An operator's token for an operation whose security names the {@code ops} role, else a partner's with the
     * declared scopes (every partner scope when none is declared); none for an operation that declares no security.
     */
    public static String defaultCredentials(ApiOperation operation) {
        if (!operation.secured()) {
            return null;
        }
        if (operation.scopes().contains("ops")) {
            return TestTokens.ops("fuzz-operator");
        }
        return TestTokens.partner("fuzz-partner",
                operation.scopes().isEmpty() ? TestTokens.PARTNER_SCOPES : String.join(" ", operation.scopes())).sign();
    }

    /** Sends everything, prints the totals, and fails listing what broke the rules (with the seed). */
    public Result run() {
        JsonNode document = ApiOperation.servedDocument();
        List<ApiOperation> operations = ApiOperation.all(document).stream().filter(skipped.negate()).toList();
        FuzzCalls calls = new FuzzCalls(valuesPerParameter, bodiesPerOperation, credentials);
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        boolean cut = false;
        for (ApiOperation operation : operations) {
            Random random = new Random(seed ^ (operation.method() + " " + operation.path()).hashCode());
            for (FuzzCalls.Call call : calls.calls(document, operation, random)) {
                if (System.nanoTime() > deadline) {
                    cut = true;
                    break;
                }
                sent++;
                check(operation, call, failures);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (rows instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Result result = new Result(service, operations.size(), sent, took, seed, cut, failures);
        System.out.println(result);
        report(result);
        if (!failures.isEmpty()) {
            throw new AssertionError(result + "\n  " + String.join("\n  ",
                    failures.subList(0, Math.min(MAX_REPORTED, failures.size()))));
        }
        return result;
    }

    /** Every rule broken, one per line, in {@code target/api-fuzz/<service>.txt}: the assertion lists the first few. */
    private void report(Result result) {
        try {
            Path file = Path.of("target", "api-fuzz", service + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, java.util.stream.Stream.concat(java.util.stream.Stream.of(result.toString()),
                    result.failures().stream()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a run did: operations, requests sent, time taken, the seed, whether the budget cut it short. */
    public record Result(String service, int operations, int requests, Duration took, long seed, boolean cut,
            List<String> failures) {

        @Override
        public String toString() {
            return "ApiFuzz %s: %d requests over %d operations in %.1f s (seed %d, -D%s=<seed> to repeat)%s%s".formatted(
                    service, requests, operations, took.toMillis() / 1000.0, seed, SEED,
                    cut ? ", cut short by the time budget" : "",
                    failures.isEmpty() ? "" : ", " + failures.size() + " broke the rules");
        }
    }

    private void check(ApiOperation operation, FuzzCalls.Call call, List<String> failures) {
        boolean write = !operation.method().equals("GET");
        Map<String, Long> before = write ? rows.get() : Map.of();
        String target = FuzzCalls.target(operation, call.values());
        Response response;
        try {
            response = FuzzCalls.request(operation, call).request(operation.method(), target);
        } catch (RuntimeException e) {
            failures.add(describe(operation, call, target) + " -> not sent: " + e);
            return;
        }
        int status = response.statusCode();
        String media = mediaType(response.contentType());
        List<String> broken = new ArrayList<>();
        if (status == 414 || status == 431) {
            return;
        }
        if (status >= 500) {
            broken.add("a server error");
        }
        String declared = operation.responses().containsKey(Integer.toString(status))
                ? Integer.toString(status)
                : operation.responses().containsKey("default") ? "default" : null;
        if (declared == null) {
            broken.add("status not declared (declares " + operation.responses().keySet() + ")");
        } else if (!media.isEmpty() && !operation.responses().get(declared).isEmpty()
                && !operation.responses().get(declared).contains(media)) {
            broken.add("media type not declared for " + declared + " (declares " + operation.responses().get(declared) + ")");
        }
        if (status >= 400 && status < 500) {
            if (!media.equals("application/problem+json")) {
                broken.add("not problem+json");
            } else if (!namesWhatIsWrong(response.asString())) {
                broken.add("a problem with neither detail nor violations");
            }
            if (write) {
                Map<String, Long> after = rows.get();
                if (!before.equals(after)) {
                    broken.add("refused, yet rows changed: " + before + " -> " + after);
                }
            }
        }
        if (!broken.isEmpty()) {
            String body = response.asString();
            failures.add(describe(operation, call, target) + " -> " + status + " " + media + ": "
                    + String.join("; ", broken) + " (" + (body.length() > 200 ? body.substring(0, 200) : body) + ")");
        }
    }

    private static boolean namesWhatIsWrong(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return (problem.hasNonNull("detail") && !problem.get("detail").asText().isBlank())
                    || problem.path("violations").size() > 0 || problem.path("errors").size() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private String describe(ApiOperation operation, FuzzCalls.Call call, String target) {
        String shown = target.length() > 160 ? target.substring(0, 160) + "...(" + target.length() + ")" : target;
        return "seed " + seed + ": " + operation.method() + " " + shown + " [" + call.fuzzed()
                + (call.authorized() ? "" : ", no valid credentials") + "]";
    }
}
