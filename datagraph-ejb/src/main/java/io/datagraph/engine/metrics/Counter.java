package io.datagraph.engine.metrics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counter family: a count per combination of label values, only ever increased. Counting is a
 * {@link LongAdder} increment, cheap enough for the hot path. Thread-safe.
 */
public final class Counter implements MetricFamily {

    private final String name;
    private final String help;
    private final LabelledValues<LongAdder> values;

    public Counter(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.values = new LabelledValues<>(List.of(labelNames), labels -> new LongAdder());
    }

    public void inc(String... labelValues) {
        values.get(labelValues).increment();
    }

    public void add(long amount, String... labelValues) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only grows: " + amount);
        }
        if (amount > 0) {
            values.get(labelValues).add(amount);
        }
    }

    /**
     * The cell counting these label values, for a hot path to keep and increment without looking the
     * labels up each time.
     */
    public LongAdder cell(String... labelValues) {
        return values.get(labelValues);
    }

    /** The count for these label values (0 if never counted). */
    public long value(String... labelValues) {
        return values.get(labelValues).sum();
    }

    @Override
    public void writeTo(PrometheusText out) {
        out.family(name, "counter", help);
        for (var entry : values.entries()) {
            out.sample(name, values.labelNames(), entry.getKey(), entry.getValue().sum());
        }
    }
}
