package io.datagraph.engine.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A gauge family sampled at each scrape: {@code sample} answers the current value per combination of
 * label values (a missing combination has no sample). Thread-safe if {@code sample} is.
 */
public final class Gauge implements MetricFamily {

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Supplier<Map<List<String>, ? extends Number>> sample;

    public Gauge(String name, String help, List<String> labelNames, Supplier<Map<List<String>, ? extends Number>> sample) {
        this.name = name;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
        this.sample = sample;
    }

    @Override
    public void writeTo(PrometheusText out) {
        out.family(name, "gauge", help);
        sample.get().entrySet().stream()
                .sorted((a, b) -> String.join("\u0000", a.getKey()).compareTo(String.join("\u0000", b.getKey())))
                .forEach(entry -> out.sample(name, labelNames, entry.getKey(), entry.getValue().doubleValue()));
    }
}
