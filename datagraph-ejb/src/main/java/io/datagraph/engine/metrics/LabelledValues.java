package io.datagraph.engine.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One value holder per combination of label values, made on first use. The number of combinations is
 * bounded by the labels themselves (processor and stream names, statuses — never a run id), so the map
 * only grows as far as the deployment's processors reach. Thread-safe.
 *
 * @param <V> the holder (a counter cell, a histogram's buckets)
 */
final class LabelledValues<V> {

    private final List<String> labelNames;
    private final Function<List<String>, V> create;
    private final Map<List<String>, V> values = new ConcurrentHashMap<>();

    LabelledValues(List<String> labelNames, Function<List<String>, V> create) {
        this.labelNames = List.copyOf(labelNames);
        this.create = create;
    }

    List<String> labelNames() {
        return labelNames;
    }

    V get(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException("labels " + labelNames + " take " + labelNames.size() + " values, not "
                    + Arrays.toString(labelValues));
        }
        List<String> key = Arrays.asList(labelValues);
        V value = values.get(key);
        return value != null ? value : values.computeIfAbsent(List.copyOf(key.stream().map(Objects::toString).toList()), create);
    }

    /** The combinations seen so far with their holders, ordered by label values (stable output). */
    List<Map.Entry<List<String>, V>> entries() {
        List<Map.Entry<List<String>, V>> entries = new ArrayList<>(values.entrySet());
        entries.sort((a, b) -> String.join("\u0000", a.getKey()).compareTo(String.join("\u0000", b.getKey())));
        return entries;
    }
}
