package io.datagraph;

import io.datagraph.flow.Flow;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start: a flow, the values of its floating inputs, which outputs to list, and optionally
 * how long the finished run's data is kept. Immutable; each {@code with}-style method returns a copy.
 */
public final class RunRequest {

    private final Flow flow;
    private final Map<String, List<?>> inputs;
    private final OutputSelection outputs;
    private final Duration retention;

    private RunRequest(Flow flow, Map<String, List<?>> inputs, OutputSelection outputs, Duration retention) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.inputs = inputs;
        this.outputs = outputs;
        this.retention = retention;
    }

    public static RunRequest of(Flow flow) {
        return new RunRequest(flow, Map.of(), OutputSelection.FINAL, null);
    }

    /** Adds values for a floating input (an input no processor of the flow produces). */
    public RunRequest input(String name, Object... values) {
        return inputs(Map.of(name, Arrays.asList(values)));
    }

    /** Adds values for several floating inputs. */
    public RunRequest inputs(Map<String, ? extends List<?>> values) {
        Map<String, List<?>> merged = new LinkedHashMap<>(inputs);
        values.forEach((name, list) -> merged.put(Objects.requireNonNull(name), List.copyOf(list)));
        return new RunRequest(flow, Map.copyOf(merged), outputs, retention);
    }

    public RunRequest outputs(OutputSelection selection) {
        return new RunRequest(flow, inputs, Objects.requireNonNull(selection), retention);
    }

    /** Keeps the finished run's data this long instead of the configured {@code datagraph.run.ttl}. */
    public RunRequest retention(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + ttl);
        }
        return new RunRequest(flow, inputs, outputs, ttl);
    }

    public Flow flow() {
        return flow;
    }

    public Map<String, List<?>> inputs() {
        return inputs;
    }

    public OutputSelection outputSelection() {
        return outputs;
    }

    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }
}
