package io.datagraph.engine.metrics;

import java.util.List;

/**
 * Writes metric families in the Prometheus text exposition format, version 0.0.4: for each family a
 * {@code # HELP} and a {@code # TYPE} line, then one line per sample, label values escaped
 * (backslash, double quote, line feed). Not thread-safe: one writer per scrape.
 */
public final class PrometheusText {

    /** The media type a scrape answers with. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    /** Starts a family: its help text and type ({@code counter}, {@code gauge}, {@code histogram}). */
    public PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample: {@code name{label="value",…} value}. */
    public PrometheusText sample(String name, List<String> labelNames, List<String> labelValues, double value) {
        out.append(name);
        if (!labelNames.isEmpty()) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labelNames.get(i)).append("=\"").append(escape(labelValues.get(i))).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Integers without a fraction, infinities as Prometheus spells them. */
    static String number(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
