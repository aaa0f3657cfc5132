package io.datagraph.graph;

import io.datagraph.IOState;
import io.datagraph.ProcessorPhase;
import io.datagraph.flow.ProcessorSignature;
import io.datagraph.flow.ResolvedFlow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow as a graph: processors are nodes, streams are edges from producer to consumer. A floating
 * input (no producer in the flow) starts at an input node; a stream no processor of the flow reads
 * ends at an output node. Nodes are laid out in columns by partition, then by depth within it.
 * Optionally carries a run's live state (counts, rates, backlogs, phases), which the renderers show.
 * Immutable.
 */
public final class FlowGraph {

    /** One edge: a stream from a producer (or an input node) to a consumer (or an output node). */
    public record Edge(String stream, String from, String to) {
    }

    private final ResolvedFlow flow;
    private final Map<String, IOState> streams;
    private final Map<String, ProcessorPhase> phases;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private FlowGraph(ResolvedFlow flow, Map<String, IOState> streams, Map<String, ProcessorPhase> phases) {
        this.flow = flow;
        this.streams = Map.copyOf(streams);
        this.phases = Map.copyOf(phases);
        layOut();
    }

    /** The graph of a flow not (necessarily) started. */
    public static FlowGraph of(ResolvedFlow flow) {
        return new FlowGraph(flow, Map.of(), Map.of());
    }

    /** The graph of a run: the flow with its streams' states and its processors' phases. */
    public static FlowGraph of(ResolvedFlow flow, List<IOState> streams, Map<String, ProcessorPhase> phases) {
        Map<String, IOState> byName = new HashMap<>();
        streams.forEach(state -> byName.put(state.name(), state));
        return new FlowGraph(flow, byName, phases);
    }

    /** Name of the node a floating input starts at. */
    public static String inputNode(String stream) {
        return "in:" + stream;
    }

    /** Name of the node an unread output ends at. */
    public static String outputNode(String stream) {
        return "out:" + stream;
    }

    public static boolean isProcessor(String node) {
        return !node.startsWith("in:") && !node.startsWith("out:");
    }

    private void layOut() {
        Map<String, Integer> depth = new HashMap<>();
        for (ProcessorSignature processor : flow.processors()) {
            int partition = flow.partitionOf(processor.name());
            int d = 0;
            for (String input : processor.inputs()) {
                Optional<String> producer = flow.producerOf(input);
                if (producer.isPresent() && flow.partitionOf(producer.get()) == partition) {
                    d = Math.max(d, depth.get(producer.get()) + 1);
                }
            }
            depth.put(processor.name(), d);
        }
        // column = partition-major, depth-minor; column 0 holds the input nodes
        List<int[]> keys = new ArrayList<>();
        for (ProcessorSignature processor : flow.processors()) {
            int[] key = {flow.partitionOf(processor.name()), depth.get(processor.name())};
            if (keys.stream().noneMatch(k -> k[0] == key[0] && k[1] == key[1])) {
                keys.add(key);
            }
        }
        keys.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        for (ProcessorSignature processor : flow.processors()) {
            int partition = flow.partitionOf(processor.name());
            int d = depth.get(processor.name());
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i)[0] == partition && keys.get(i)[1] == d) {
                    columns.put(processor.name(), i + 1);
                }
            }
        }
        int last = keys.size() + 1;
        for (String input : flow.floatingInputs()) {
            columns.put(inputNode(input), 0);
        }
        for (ProcessorSignature processor : flow.processors()) {
            for (String input : processor.inputs()) {
                edges.add(new Edge(input, flow.producerOf(input).orElse(inputNode(input)), processor.name()));
            }
            for (String output : processor.outputs()) {
                boolean read = flow.processors().stream().anyMatch(p -> p.inputs().contains(output));
                if (!read) {
                    columns.put(outputNode(output), last);
                    edges.add(new Edge(output, processor.name(), outputNode(output)));
                }
            }
        }
    }

    public ResolvedFlow flow() {
        return flow;
    }

    /** Every node (input nodes, processors, output nodes) with its column, left to right. */
    public Map<String, Integer> columns() {
        return columns;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The stream's live state, when this is a run's graph. */
    public Optional<IOState> state(String stream) {
        return Optional.ofNullable(streams.get(stream));
    }

    /** The processor's phase, when this is a run's graph. */
    public Optional<ProcessorPhase> phase(String processor) {
        return Optional.ofNullable(phases.get(processor));
    }

    /** The partition of a node (input nodes: 0; output nodes: their producer's). */
    public int partitionOf(String node) {
        if (isProcessor(node)) {
            return flow.partitionOf(node);
        }
        if (node.startsWith("in:")) {
            return 0;
        }
        String stream = node.substring("out:".length());
        return flow.partitionOf(flow.producerOf(stream).orElseThrow());
    }

    /** The label of an edge: the stream's name, with count, rate and backlog for a run. */
    public String label(Edge edge) {
        return state(edge.stream()).map(state -> {
            StringBuilder label = new StringBuilder(edge.stream()).append(": ").append(state.count());
            if (state.rate() >= 0.5) {
                label.append(" (").append(Math.round(state.rate())).append("/s)");
            }
            state.readers().stream().filter(r -> r.processor().equals(edge.to())).findFirst()
                    .map(r -> state.count() - r.read())
                    .filter(backlog -> backlog > 0)
                    .ifPresent(backlog -> label.append(" backlog ").append(backlog));
            if (state.complete()) {
                label.append(" ✓");
            }
            return label.toString();
        }).orElse(edge.stream());
    }

    /** The backlog of the edge's consumer on its stream (0 for output edges or without state). */
    public long backlog(Edge edge) {
        return state(edge.stream()).flatMap(state -> state.readers().stream()
                .filter(r -> r.processor().equals(edge.to())).findFirst()
                .map(r -> Math.max(0, state.count() - r.read()))).orElse(0L);
    }
}
