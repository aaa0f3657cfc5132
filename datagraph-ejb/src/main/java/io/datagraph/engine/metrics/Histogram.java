package io.datagraph.engine.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram family: per combination of label values, how many observations fell at or below each
 * bucket's upper bound, their sum and their count. An observation is a few adder increments. A scrape
 * reads the adders one by one while others may be adding, so a bucket may be ahead of the count by the
 * observations under way — as Prometheus' own client libraries allow. Thread-safe.
 */
public final class Histogram implements MetricFamily {

    private final String name;
    private final String help;
    private final double[] bounds;
    private final LabelledValues<Cells> values;

    /** @param bounds upper bounds of the buckets, increasing; {@code +Inf} is added */
    public Histogram(String name, String help, double[] bounds, String... labelNames) {
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
        this.name = name;
        this.help = help;
        this.bounds = bounds.clone();
        this.values = new LabelledValues<>(List.of(labelNames), labels -> new Cells(bounds.length));
    }

    public void observe(double value, String... labelValues) {
        Cells cells = values.get(labelValues);
        int bucket = Arrays.binarySearch(bounds, value);
        // an exact bound belongs to its bucket (le: less or equal); otherwise the first bound above it
        cells.buckets[bucket >= 0 ? bucket : -bucket - 1].increment();
        cells.sum.add(value);
    }

    @Override
    public void writeTo(PrometheusText out) {
        out.family(name, "histogram", help);
        List<String> bucketLabels = new ArrayList<>(values.labelNames());
        bucketLabels.add("le");
        for (var entry : values.entries()) {
            Cells cells = entry.getValue();
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += cells.buckets[i].sum();
                List<String> labelValues = new ArrayList<>(entry.getKey());
                labelValues.add(i < bounds.length ? PrometheusText.number(bounds[i]) : "+Inf");
                out.sample(name + "_bucket", bucketLabels, labelValues, cumulative);
            }
            out.sample(name + "_sum", values.labelNames(), entry.getKey(), cells.sum.sum());
            out.sample(name + "_count", values.labelNames(), entry.getKey(), cumulative);
        }
    }

    private static final class Cells {
        /** Observations per bucket, not cumulative; the last one is +Inf's. */
        final LongAdder[] buckets;
        final DoubleAdder sum = new DoubleAdder();

        Cells(int bounds) {
            buckets = new LongAdder[bounds + 1];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }
}
