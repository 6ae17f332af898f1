package io.portage.console.model;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The partner reliability page's charts as inline SVG, drawn on the server (no script, no chart library): each an
 * image with a title and a description naming the table that holds the same figures.
 */
public final class ReliabilityCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 26;
    private static final int BOTTOM = 30;
    private static final String OK = "#2e7d32";
    private static final String CLIENT = "#b26a00";
    private static final String SERVER = "#c62828";

    private ReliabilityCharts() {
    }

    /** Stacked bars per step: answered without error, 4xx (429s included) and 5xx. */
    public static String requests(String id, Reliability.Report report) {
        List<Reliability.Point> points = report.series();
        long max = Math.max(1, points.stream().mapToLong(Reliability.Point::requests).max().orElse(0));
        StringBuilder svg = open(id, "Requests per " + report.step(),
                "Stacked bars, one per " + report.step() + ": requests answered without error (green), with a 4xx"
                        + " (amber, the rate limiter's 429s included) and with a 5xx (red). The table after the charts holds the"
                        + " same figures.");
        axis(svg, Long.toString(max), Long.toString(max / 2), points);
        double width = plotWidth() / Math.max(1, points.size());
        for (int i = 0; i < points.size(); i++) {
            Reliability.Point point = points.get(i);
            double x = LEFT + i * width;
            double bottom = TOP + plotHeight();
            long fine = Math.max(0, point.requests() - point.clientErrors() - point.serverErrors());
            svg.append("<g><title>")
                    .append(escape(point.label()))
                    .append(": ")
                    .append(point.requests())
                    .append(" requests, ")
                    .append(point.clientErrors())
                    .append(" 4xx (")
                    .append(point.rateLimited())
                    .append(" rate-limited), ")
                    .append(point.serverErrors())
                    .append(" 5xx</title>");
            for (long[] part : new long[][]{{fine, 0}, {point.clientErrors(), 1}, {point.serverErrors(), 2}}) {
                double height = plotHeight() * part[0] / (double) max;
                if (height > 0) {
                    bottom -= height;
                    svg.append(rect(x + width * 0.1, bottom, width * 0.8, height,
                            part[1] == 0 ? OK : part[1] == 1 ? CLIENT : SERVER));
                }
            }
            svg.append("</g>");
        }
        legend(svg, new String[][]{{OK, "", "no error"}, {CLIENT, "", "4xx"}, {SERVER, "", "5xx"}});
        return svg.append("</svg>").toString();
    }

    /** Lines of p50, p95 and p99 per step, in milliseconds; broken where a step had no answered request. */
    public static String latency(String id, Reliability.Report report) {
        List<Reliability.Point> points = report.series();
        double max = points.stream()
                .map(Reliability.Point::p99Ms)
                .filter(value -> value != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1);
        StringBuilder svg = open(id, "Latency per " + report.step() + " (ms)",
                "Lines of the 50th (solid), 95th (dashed) and 99th (dotted) percentile of the answers' latency per "
                        + report.step() + ", in milliseconds; a gap is a step without answers. The table after the charts"
                        + " holds the same figures.");
        axis(svg, number(max), number(max / 2), points);
        line(svg, points, Reliability.Point::p50Ms, max, "#1565c0", "");
        line(svg, points, Reliability.Point::p95Ms, max, "#6a1b9a", "6 3");
        line(svg, points, Reliability.Point::p99Ms, max, SERVER, "2 3");
        legend(svg, new String[][]{{"#1565c0", "", "p50"}, {"#6a1b9a", "6 3", "p95"}, {SERVER, "2 3", "p99"}});
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description) {
        return new StringBuilder(8192)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\"><title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
    }

    private static void axis(StringBuilder svg, String top, String middle, List<Reliability.Point> points) {
        double bottom = TOP + plotHeight();
        svg.append("<g font-size=\"11\" fill=\"#444\" stroke=\"none\">");
        svg.append(text(LEFT - 6, TOP + 4, "end", top))
                .append(text(LEFT - 6, TOP + plotHeight() / 2 + 4, "end", middle))
                .append(text(LEFT - 6, bottom + 4, "end", "0"));
        if (!points.isEmpty()) {
            svg.append(text(LEFT, bottom + 18, "start", points.get(0).label()));
            svg.append(text(WIDTH - RIGHT, bottom + 18, "end", points.get(points.size() - 1).label() + " UTC"));
        }
        svg.append("</g><g stroke=\"#ccc\">");
        for (double y : new double[]{TOP, TOP + plotHeight() / 2}) {
            svg.append(
                    String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke-dasharray=\"2 4\"/>",
                            LEFT, WIDTH - RIGHT, y, y));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/></g>",
                LEFT, WIDTH - RIGHT, bottom, bottom));
    }

    private static void line(StringBuilder svg, List<Reliability.Point> points, Function<Reliability.Point, Double> value,
            double max, String colour, String dashes) {
        double width = plotWidth() / Math.max(1, points.size());
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < points.size(); i++) {
            Double ms = value.apply(points.get(i));
            if (ms == null) {
                drawing = false;
                continue;
            }
            double x = LEFT + (i + 0.5) * width;
            double y = TOP + plotHeight() * (1 - ms / max);
            path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", drawing ? "L" : "M", x, y));
            if (!drawing && (i + 1 == points.size() || value.apply(points.get(i + 1)) == null)) {
                // A lone point: a short mark, since a path of one point draws nothing.
                path.append(String.format(Locale.ROOT, "L%.1f %.1f ", x + 0.1, y));
            }
            drawing = true;
        }
        if (!path.isEmpty()) {
            svg.append("<path fill=\"none\" stroke-width=\"2\" stroke-linecap=\"round\" stroke=\"")
                    .append(colour)
                    .append('"')
                    .append(dashes.isEmpty() ? "" : " stroke-dasharray=\"" + dashes + "\"")
                    .append(" d=\"")
                    .append(path.toString().trim())
                    .append("\"/>");
        }
    }

    private static void legend(StringBuilder svg, String[][] entries) {
        svg.append("<g font-size=\"11\" fill=\"#222\">");
        int x = LEFT + 8;
        for (String[] entry : entries) {
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"4\"%s/>", x, x + 16, 9, 9,
                    entry[0], entry[1].isEmpty() ? "" : " stroke-dasharray=\"" + entry[1] + "\""));
            svg.append(text(x + 20, 13, "start", entry[2]));
            x += 30 + entry[2].length() * 7;
        }
        svg.append("</g>");
    }

    private static String rect(double x, double y, double width, double height, String colour) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y,
                width, height, colour);
    }

    private static String text(double x, double y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                escape(text));
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
