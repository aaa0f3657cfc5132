package io.datagraph.flow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set of processors, by name, wired by matching stream names: output {@code b} of one feeds
 * input {@code b} of another. A flow is only a description; {@link FlowResolver} checks it and
 * works out its topology.
 *
 * <p>Declare a named flow in code with a CDI producer and start it by name:
 * <pre>{@code @Produces Flow squares = Flow.named("squares", "range", "square", "sum");}</pre>
 */
public final class Flow {

    private final String name;
    private final List<String> processors;

    private Flow(String name, List<String> processors) {
        if (processors.isEmpty()) {
            throw new IllegalArgumentException("a flow needs at least one processor");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String processor : processors) {
            if (processor == null || processor.isBlank()) {
                throw new IllegalArgumentException("processor names must not be blank: " + processors);
            }
            if (!seen.add(processor)) {
                throw new IllegalArgumentException("processor '" + processor + "' is listed twice in " + processors);
            }
        }
        this.name = name;
        this.processors = List.copyOf(processors);
    }

    /** An anonymous flow of these processors. */
    public static Flow of(String... processors) {
        return new Flow(null, List.of(processors));
    }

    /** An anonymous flow of these processors. */
    public static Flow of(List<String> processors) {
        return new Flow(null, processors);
    }

    /** A flow that can be started by {@code name}. */
    public static Flow named(String name, String... processors) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a named flow needs a non-blank name");
        }
        return new Flow(name, List.of(processors));
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The processor names, in the order given. */
    public List<String> processors() {
        return processors;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Flow flow && Objects.equals(name, flow.name) && processors.equals(flow.processors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, processors);
    }

    @Override
    public String toString() {
        return (name == null ? "Flow" : "Flow " + name) + processors;
    }
}
