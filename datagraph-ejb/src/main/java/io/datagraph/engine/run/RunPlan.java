package io.datagraph.engine.run;

import io.datagraph.OutputSelection;
import io.datagraph.engine.protocol.Scripts;
import io.datagraph.flow.ElementWise;
import io.datagraph.flow.RetryPolicy;
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
 * @param trace      the W3C {@code traceparent} of the span the run was started in, which its processors' spans
 *                   continue on every node; null when it was started outside a trace (or tracing is off)
 */
public record RunPlan(List<String> processors, List<Step> steps, List<String> streams, List<String> outputs,
                      List<String> open, int partitions, String trace) {

    @jakarta.json.bind.annotation.JsonbCreator
    public RunPlan {
    }

    public RunPlan(List<String> processors, List<Step> steps, List<String> streams, List<String> outputs,
                   List<String> open, int partitions) {
        this(processors, steps, streams, outputs, open, partitions, null);
    }

    /** The same plan, its processors' spans continuing the trace {@code traceparent} (null: none). */
    public RunPlan withTrace(String traceparent) {
        return new RunPlan(processors, steps, streams, outputs, open, partitions, traceparent);
    }

    /**
     * One processor of the run.
     *
     * @param elementWise how an element-wise processor handles its values in this run (its declared
     *                    settings with the run's overrides); null for a stream processor
     * @param retry       how often a stream processor that threw is run again in this run; null: never
     */
    public record Step(String processor, List<String> inputs, List<String> outputs, int partition,
                       boolean awaitInputs, ElementWise elementWise, RetryPolicy retry) {

        @jakarta.json.bind.annotation.JsonbCreator
        public Step {
        }

        public Step(String processor, List<String> inputs, List<String> outputs, int partition, boolean awaitInputs) {
            this(processor, inputs, outputs, partition, awaitInputs, null, null);
        }

        public ProcessorSignature signature() {
            return new ProcessorSignature(processor, inputs, outputs, awaitInputs, elementWise, retry);
        }

        public boolean isElementWise() {
            return elementWise != null;
        }
    }

    public static RunPlan of(ResolvedFlow flow, OutputSelection selection, java.util.Set<String> open) {
        return of(flow, selection, open, Map.of(), Map.of());
    }

    /**
     * The plan of a run, with this run's workers and retries for its element-wise processors.
     *
     * @throws IllegalArgumentException if an override names a processor that is not an element-wise one of the flow
     */
    public static RunPlan of(ResolvedFlow flow, OutputSelection selection, java.util.Set<String> open,
                             Map<String, Integer> concurrency, Map<String, Integer> retries) {
        checkOverrides("concurrency", concurrency, flow, true);
        checkOverrides("retries", retries, flow, false);
        List<Step> steps = new ArrayList<>();
        for (ProcessorSignature signature : flow.processors()) {
            ElementWise elementWise = signature.elementWise();
            if (elementWise != null && concurrency.containsKey(signature.name())) {
                elementWise = elementWise.withConcurrency(concurrency.get(signature.name()));
            }
            RetryPolicy retry = signature.retry();
            if (retries.containsKey(signature.name())) {
                int times = retries.get(signature.name());
                if (elementWise != null) {
                    elementWise = elementWise.withRetries(times);
                } else {
                    retry = retry != null ? retry.withRetries(times)
                            : new RetryPolicy(times, java.time.Duration.ZERO, java.time.Duration.ofMinutes(1));
                }
            }
            steps.add(new Step(signature.name(), signature.inputs(), signature.outputs(),
                    flow.partitionOf(signature.name()), signature.awaitInputs(), elementWise, retry));
        }
        return new RunPlan(flow.flow().processors(), steps, List.copyOf(flow.streams()),
                List.copyOf(flow.outputs(selection)), List.copyOf(open), flow.partitions().size());
    }

    private static void checkOverrides(String what, Map<String, Integer> overrides, ResolvedFlow flow,
                                       boolean elementWiseOnly) {
        for (String name : overrides.keySet()) {
            Optional<ProcessorSignature> processor = flow.processors().stream()
                    .filter(signature -> signature.name().equals(name)).findFirst();
            if (processor.isEmpty()) {
                throw new IllegalArgumentException(what + " names '" + name + "', which is not a processor of the flow "
                        + flow.flow().processors());
            }
            if (elementWiseOnly && !processor.get().isElementWise()) {
                throw new IllegalArgumentException(what + " names '" + name + "', a stream processor; " + what
                        + " is set for element-wise processors (those called once per value)");
            }
        }
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

    /** The element-wise processors of the run. */
    public List<String> elementWise() {
        return steps.stream().filter(Step::isElementWise).map(Step::processor).toList();
    }

    /** The element-wise processors reading {@code stream}: its values are also split into their work units. */
    public List<String> elementWiseReadersOf(String stream) {
        return steps.stream().filter(step -> step.isElementWise() && step.inputs().contains(stream))
                .map(Step::processor).toList();
    }

    /** Every key of the run, for the scripts that end it. */
    public Scripts.RunShape shape() {
        return new Scripts.RunShape(streams, elementWise());
    }

    /** For each stream read by element-wise processors of the run, their names, comma-separated. */
    public Map<String, String> elementWiseReaders() {
        Map<String, String> readers = new LinkedHashMap<>();
        for (String stream : streams) {
            String names = steps.stream().filter(step -> step.isElementWise() && step.inputs().contains(stream))
                    .map(Step::processor).collect(java.util.stream.Collectors.joining(","));
            if (!names.isEmpty()) {
                readers.put(stream, names);
            }
        }
        return readers;
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
