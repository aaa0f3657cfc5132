package io.datagraph.graph;

import java.util.HashMap;
import java.util.Map;

/** A flow as a Mermaid flowchart ({@code text/vnd.mermaid}): partitions as subgraphs, phases as classes. */
public final class MermaidGraph {

    public static final String MEDIA_TYPE = "text/vnd.mermaid";

    private MermaidGraph() {
    }

    public static String render(FlowGraph graph) {
        Map<String, String> ids = new HashMap<>();
        graph.columns().keySet().forEach(node -> ids.put(node, "n" + ids.size()));
        StringBuilder out = new StringBuilder("flowchart LR\n");
        out.append("  classDef WAITING fill:#eeeeee,stroke:#999\n")
                .append("  classDef STOPPED fill:#ffe8c0,stroke:#c80\n")
                .append("  classDef RUNNING fill:#cfe8ff,stroke:#2b7bd6\n")
                .append("  classDef DONE fill:#d4f7d4,stroke:#2e9e44\n")
                .append("  classDef FAILED fill:#ffd0d0,stroke:#d33\n");
        int partitions = graph.flow().partitions().size();
        for (int p = 0; p < partitions; p++) {
            out.append("  subgraph partition").append(p).append("[\"partition ").append(p).append("\"]\n");
            for (String node : graph.columns().keySet()) {
                if (FlowGraph.isProcessor(node) && graph.partitionOf(node) == p) {
                    out.append("    ").append(ids.get(node)).append("[\"").append(escape(node)).append("\"]\n");
                }
            }
            out.append("  end\n");
        }
        for (String node : graph.columns().keySet()) {
            if (!FlowGraph.isProcessor(node)) {
                out.append("  ").append(ids.get(node)).append("([\"").append(escape(node.substring(node.indexOf(':') + 1)))
                        .append("\"])\n");
            }
        }
        for (FlowGraph.Edge edge : graph.edges()) {
            out.append("  ").append(ids.get(edge.from())).append(" -->|\"").append(escape(graph.label(edge)))
                    .append("\"| ").append(ids.get(edge.to())).append('\n');
        }
        for (String node : graph.columns().keySet()) {
            graph.phase(node).ifPresent(phase -> out.append("  class ").append(ids.get(node)).append(' ')
                    .append(phase).append('\n'));
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\"", "#quot;");
    }
}
