package io.datagraph.graph;

/** A flow in Graphviz DOT ({@code text/vnd.graphviz}): partitions as clusters. */
public final class DotGraph {

    public static final String MEDIA_TYPE = "text/vnd.graphviz";

    private DotGraph() {
    }

    public static String render(FlowGraph graph) {
        StringBuilder out = new StringBuilder("digraph flow {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"];\n");
        int partitions = graph.flow().partitions().size();
        for (int p = 0; p < partitions; p++) {
            out.append("  subgraph cluster_").append(p).append(" {\n    label=\"partition ").append(p)
                    .append("\";\n    style=dashed;\n");
            for (String node : graph.columns().keySet()) {
                if (FlowGraph.isProcessor(node) && graph.partitionOf(node) == p) {
                    out.append("    ").append(quote(node));
                    graph.phase(node).ifPresent(phase -> out.append(" [fillcolor=\"").append(SvgGraph.fill(phase))
                            .append("\", tooltip=\"").append(phase).append("\"]"));
                    out.append(";\n");
                }
            }
            out.append("  }\n");
        }
        for (String node : graph.columns().keySet()) {
            if (!FlowGraph.isProcessor(node)) {
                out.append("  ").append(quote(node)).append(" [shape=ellipse, label=")
                        .append(quote(node.substring(node.indexOf(':') + 1))).append("];\n");
            }
        }
        for (FlowGraph.Edge edge : graph.edges()) {
            out.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()))
                    .append(" [label=").append(quote(graph.label(edge))).append(", color=\"")
                    .append(SvgGraph.edgeColor(graph, edge)).append("\"];\n");
        }
        return out.append("}\n").toString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
