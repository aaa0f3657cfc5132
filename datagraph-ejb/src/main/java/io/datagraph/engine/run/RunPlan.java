package io.datagraph.engine.run;

import io.datagraph.OutputSelection;
import io.datagraph.flow.Flow;
import io.datagraph.flow.FlowResolver;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.flow.ResolvedFlow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * How a run executes, stored with it (JSON in its meta hash) so that any node can read, continue
 * or cancel the run: its processors with their partitions, every stream, and the selected outputs.
 *
 * @param processors the flow's processor names as given
 * @param steps      each processor's streams and partition, producers first
 * @param streams    every stream of the run
 * @param outputs    the outputs selected at start
 * @param open       the inputs left open at start, fed through {@code Run.append}
 * @param partitions how many partitions the run has
 */
public record RunPlan(List<String> processors, List<Step> steps, List<String> streams, List<String> outputs,
                      List<String> open, int partitions) {

    /** One processor of the run. */
    public record Step(String processor, List<String> inputs, List<String> outputs, int partition,
                       boolean awaitInputs) {

        public ProcessorSignature signature() {
            return new ProcessorSignature(processor, inputs, outputs, awaitInputs);
        }
    }

    public static RunPlan of(ResolvedFlow flow, OutputSelection selection, java.util.Set<String> open) {
        List<Step> steps = new ArrayList<>();
        for (ProcessorSignature signature : flow.processors()) {
            steps.add(new Step(signature.name(), signature.inputs(), signature.outputs(),
                    flow.partitionOf(signature.name()), signature.awaitInputs()));
        }
        return new RunPlan(flow.flow().processors(), steps, List.copyOf(flow.streams()),
                List.copyOf(flow.outputs(selection)), List.copyOf(open), flow.partitions().size());
    }

    /** The steps of one partition, producers first. */
    public List<Step> partition(int partition) {
        return steps.stream().filter(step -> step.partition() == partition).toList();
    }

    /** The processor writing {@code stream}; empty for a floating input. */
    public Optional<String> producerOf(String stream) {
        return steps.stream().filter(step -> step.outputs().contains(stream)).map(Step::processor).findFirst();
    }

    /** The flow again, resolved from the plan's own signatures: no processor registry needed. */
    public ResolvedFlow resolved() {
        return FlowResolver.resolve(Flow.of(processors), name -> steps.stream()
                .filter(step -> step.processor().equals(name)).findFirst().map(Step::signature));
    }

    /** For each stream read by processors of the run, their names, comma-separated. */
    public Map<String, String> readers() {
        Map<String, String> readers = new LinkedHashMap<>();
        for (String stream : streams) {
            String names = steps.stream().filter(step -> step.inputs().contains(stream)).map(Step::processor)
                    .collect(java.util.stream.Collectors.joining(","));
            if (!names.isEmpty()) {
                readers.put(stream, names);
            }
        }
        return readers;
    }

    /** Streams produced and read within the run but not selected as outputs: its internal streams. */
    public List<String> internalStreams() {
        Map<String, String> readers = readers();
        return streams.stream().filter(stream -> producerOf(stream).isPresent() && readers.containsKey(stream)
                && !outputs.contains(stream)).toList();
    }

    /** How many processors the partition has: how many must finish before the next one starts. */
    public int size(int partition) {
        return partition(partition).size();
    }
}
