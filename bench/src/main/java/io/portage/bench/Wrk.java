package io.portage.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from wrk (HTTP/1.1, keep-alive connections, as many requests as the server answers): one client for every path
 * measured, so the figures differ only by what is behind the URL.
 */
final class Wrk {

    /** One run: requests made, requests a second, latency percentiles in milliseconds, answers that were not 2xx/3xx. */
    record Result(long requests, double requestsPerSecond, double p50, double p99, long errors) {
    }

    private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

    private Wrk() {
    }

    static Result run(String url, String token, int connections, int seconds) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", "2", "-c", Integer.toString(connections), "-d",
                seconds + "s", "--latency", "-H", "Authorization: Bearer " + token, url));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException("No wrk: apt-get install -y wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result parse(String output) {
        Matcher rate = RATE.matcher(output);
        Matcher requests = REQUESTS.matcher(output);
        if (!rate.find() || !requests.find()) {
            throw new IllegalStateException("Unreadable wrk output: " + output);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new Result(Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)), percentile(output, "50%"),
                percentile(output, "99%"), errors);
    }

    /** A line of wrk's latency distribution, e.g. {@code 50%    1.23ms}, in milliseconds. */
    private static double percentile(String output, String which) {
        Matcher line = Pattern.compile("^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("No " + which + " latency in wrk output: " + output);
        }
        double value = Double.parseDouble(line.group(1));
        return switch (line.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
