package io.datagraph.graph;

import io.datagraph.flow.ProcessorSignature;

import java.util.List;
import java.util.stream.Collectors;

/** A flow as indented plain text, for logs: partitions, then each processor with its streams. */
public final class TextGraph {

    private TextGraph() {
    }

    public static String render(FlowGraph graph) {
        StringBuilder text = new StringBuilder();
        List<List<ProcessorSignature>> partitions = graph.flow().partitions();
        for (int p = 0; p < partitions.size(); p++) {
            text.append("partition ").append(p).append(p > 0 ? " (starts when partition " + (p - 1) + " is done)" : "")
                    .append('\n');
            for (ProcessorSignature processor : partitions.get(p)) {
                text.append("  ").append(processor.name());
                graph.phase(processor.name()).ifPresent(phase -> text.append(" [").append(phase).append(']'));
                text.append(": ").append(streams(graph, processor.inputs())).append(" → ")
                        .append(streams(graph, processor.outputs())).append('\n');
            }
        }
        return text.toString();
    }

    private static String streams(FlowGraph graph, List<String> names) {
        if (names.isEmpty()) {
            return "∅";
        }
        return names.stream().map(name -> graph.state(name)
                .map(state -> name + " (" + state.count() + (state.complete() ? " ✓" : "") + ")")
                .orElse(name)).collect(Collectors.joining(", "));
    }
}
