package io.datagraph;

import io.datagraph.flow.Flow;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to start: a flow, the values of its floating inputs, the inputs left open, which outputs to
 * list, optionally how long the finished run's data is kept and who started it. Immutable; each {@code with}-style method returns a copy.
 */
public final class RunRequest {

    private final Flow flow;
    private final Map<String, List<?>> inputs;
    private final Set<String> open;
    private final OutputSelection outputs;
    private final Duration retention;
    private final String startedBy;

    private RunRequest(Flow flow, Map<String, List<?>> inputs, Set<String> open, OutputSelection outputs,
                       Duration retention, String startedBy) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.inputs = inputs;
        this.open = open;
        this.outputs = outputs;
        this.retention = retention;
        this.startedBy = startedBy;
    }

    public static RunRequest of(Flow flow) {
        return new RunRequest(flow, Map.of(), Set.of(), OutputSelection.FINAL, null, null);
    }

    /**
     * Leaves floating inputs open: the run starts without their values (or with those given by
     * {@link #input}) and takes more through {@link Run#append} until {@link Run#complete}.
     */
    public RunRequest open(String... names) {
        Set<String> merged = new LinkedHashSet<>(open);
        for (String name : names) {
            merged.add(Objects.requireNonNull(name));
        }
        return new RunRequest(flow, inputs, Set.copyOf(merged), outputs, retention, startedBy);
    }

    /** Adds values for a floating input (an input no processor of the flow produces). */
    public RunRequest input(String name, Object... values) {
        return inputs(Map.of(name, Arrays.asList(values)));
    }

    /** Adds values for several floating inputs. */
    public RunRequest inputs(Map<String, ? extends List<?>> values) {
        Map<String, List<?>> merged = new LinkedHashMap<>(inputs);
        values.forEach((name, list) -> merged.put(Objects.requireNonNull(name), List.copyOf(list)));
        return new RunRequest(flow, Map.copyOf(merged), open, outputs, retention, startedBy);
    }

    public RunRequest outputs(OutputSelection selection) {
        return new RunRequest(flow, inputs, open, Objects.requireNonNull(selection), retention, startedBy);
    }

    /** Keeps the finished run's data this long instead of the configured {@code datagraph.run.ttl}. */
    public RunRequest retention(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + ttl);
        }
        return new RunRequest(flow, inputs, open, outputs, ttl, startedBy);
    }

    /** Records who starts the run (a user name), for {@link Run#startedBy()} and access checks. */
    public RunRequest startedBy(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("startedBy needs a user name");
        }
        return new RunRequest(flow, inputs, open, outputs, retention, user);
    }

    public Flow flow() {
        return flow;
    }

    public Map<String, List<?>> inputs() {
        return inputs;
    }

    /** The floating inputs left open at start. */
    public Set<String> openInputs() {
        return open;
    }

    public OutputSelection outputSelection() {
        return outputs;
    }

    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }
}
