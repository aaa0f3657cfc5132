package io.datagraph.flow;

import io.datagraph.OutputSelection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A flow that resolved: its processors in topological order (every producer before its
 * consumers), grouped into partitions, and its streams. Immutable.
 */
public final class ResolvedFlow {

    private final Flow flow;
    private final List<ProcessorSignature> processors;
    private final Map<String, String> producers;
    private final Map<String, Integer> partitionOf;
    private final List<List<ProcessorSignature>> partitions;
    private final Set<String> floatingInputs;

    ResolvedFlow(Flow flow, List<ProcessorSignature> processors, Map<String, String> producers,
                 Map<String, Integer> partitionOf) {
        this.flow = flow;
        this.processors = List.copyOf(processors);
        this.producers = Map.copyOf(producers);
        this.partitionOf = Map.copyOf(partitionOf);
        int count = partitionOf.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<ProcessorSignature>> grouped = new ArrayList<>();
        for (int partition = 0; partition < count; partition++) {
            int p = partition;
            grouped.add(processors.stream().filter(s -> partitionOf.get(s.name()) == p).toList());
        }
        this.partitions = List.copyOf(grouped);
        this.floatingInputs = processors.stream()
                .flatMap(s -> s.inputs().stream())
                .filter(input -> !producers.containsKey(input))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Flow flow() {
        return flow;
    }

    /** Every processor, producers before their consumers. */
    public List<ProcessorSignature> processors() {
        return processors;
    }

    /** Processors grouped by partition; partition {@code k+1} starts when partition {@code k} is complete. */
    public List<List<ProcessorSignature>> partitions() {
        return partitions;
    }

    public int partitionOf(String processor) {
        Integer partition = partitionOf.get(processor);
        if (partition == null) {
            throw new IllegalArgumentException("processor '" + processor + "' is not part of " + flow);
        }
        return partition;
    }

    /** The processor of this flow writing {@code stream}; empty for a floating input. */
    public Optional<String> producerOf(String stream) {
        return Optional.ofNullable(producers.get(stream));
    }

    /** Inputs that no processor of the flow produces: values for them are given at start. */
    public Set<String> floatingInputs() {
        return floatingInputs;
    }

    /** Every stream of the flow: floating inputs first, then outputs in topological order. */
    public Set<String> streams() {
        Set<String> streams = new LinkedHashSet<>(floatingInputs);
        processors.forEach(p -> streams.addAll(p.outputs()));
        return streams;
    }

    /** The outputs a run lists: those of the last partition, all of them, or those no processor reads. */
    public Set<String> outputs(OutputSelection selection) {
        List<ProcessorSignature> source = selection == OutputSelection.FINAL
                ? partitions.get(partitions.size() - 1) : processors;
        Set<String> outputs = new LinkedHashSet<>();
        source.forEach(p -> outputs.addAll(p.outputs()));
        if (selection == OutputSelection.TERMINAL) {
            processors.forEach(p -> outputs.removeAll(p.inputs()));
        }
        return outputs;
    }

    /** {@link #checkInputs(Set, Set)} with no input left open. */
    public void checkInputs(Set<String> given) {
        checkInputs(given, Set.of());
    }

    /**
     * Checks the streams given values or left open at start: every floating input needs values or
     * must be open, and only floating inputs may be either.
     *
     * @throws MissingInputException    if a floating input has no values and is not open
     * @throws UnexpectedInputException if a given or open stream is produced in the flow or unused by it
     */
    public void checkInputs(Set<String> given, Set<String> open) {
        Set<String> supplied = new LinkedHashSet<>(given);
        supplied.addAll(open);
        for (String name : supplied) {
            if (producers.containsKey(name)) {
                throw new UnexpectedInputException(name, "it is produced by processor '" + producers.get(name)
                        + "'; only the floating inputs " + floatingInputs + " take values");
            }
            if (!floatingInputs.contains(name)) {
                throw new UnexpectedInputException(name, "no processor of " + flow.processors()
                        + " reads it; the floating inputs are " + floatingInputs);
            }
        }
        Set<String> missing = new LinkedHashSet<>(floatingInputs);
        missing.removeAll(supplied);
        if (!missing.isEmpty()) {
            throw new MissingInputException(missing);
        }
    }
}
