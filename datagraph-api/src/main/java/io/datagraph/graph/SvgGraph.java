package io.datagraph.graph;

import io.datagraph.IOState;
import io.datagraph.ProcessorPhase;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A flow drawn as SVG ({@code image/svg+xml}), laid out by {@link FlowGraph}'s columns. Processors are
 * boxes coloured by phase; streams are curves labelled with count, rate and backlog, drawn orange
 * when their consumer lags and red when it lags far (the bottleneck stands out); partitions are
 * dashed frames.
 */
public final class SvgGraph {

    public static final String MEDIA_TYPE = "image/svg+xml";

    private static final int COLUMN = 300;
    private static final int ROW = 90;
    private static final int WIDTH = 150;
    private static final int HEIGHT = 44;
    private static final int MARGIN = 30;

    private SvgGraph() {
    }

    public static String render(FlowGraph graph) {
        Map<String, int[]> at = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        int maxColumn = 0;
        int maxRow = 0;
        for (Map.Entry<String, Integer> node : graph.columns().entrySet()) {
            int column = node.getValue();
            int row = rows.merge(column, 1, Integer::sum) - 1;
            at.put(node.getKey(), new int[] {MARGIN + column * COLUMN, MARGIN + 24 + row * ROW});
            maxColumn = Math.max(maxColumn, column);
            maxRow = Math.max(maxRow, row);
        }
        int width = 2 * MARGIN + maxColumn * COLUMN + WIDTH;
        int height = 2 * MARGIN + 24 + (maxRow + 1) * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\"")
                .append(" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#666\"/></marker></defs>\n");
        partitions(graph, at, svg, height);
        for (FlowGraph.Edge edge : graph.edges()) {
            edge(graph, edge, at.get(edge.from()), at.get(edge.to()), svg);
        }
        for (String node : graph.columns().keySet()) {
            node(graph, node, at.get(node), svg);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void partitions(FlowGraph graph, Map<String, int[]> at, StringBuilder svg, int height) {
        int partitions = graph.flow().partitions().size();
        for (int p = 0; p < partitions; p++) {
            int left = Integer.MAX_VALUE;
            int right = 0;
            for (String node : graph.columns().keySet()) {
                if (FlowGraph.isProcessor(node) && graph.partitionOf(node) == p) {
                    left = Math.min(left, at.get(node)[0]);
                    right = Math.max(right, at.get(node)[0] + WIDTH);
                }
            }
            svg.append("<g class=\"partition\"><rect x=\"").append(left - 12).append("\" y=\"").append(MARGIN - 12)
                    .append("\" width=\"").append(right - left + 24).append("\" height=\"").append(height - 2 * MARGIN + 24)
                    .append("\" rx=\"10\" fill=\"none\" stroke=\"#aaa\" stroke-dasharray=\"6 4\"/>")
                    .append("<text x=\"").append(left - 4).append("\" y=\"").append(MARGIN + 4)
                    .append("\" fill=\"#888\">partition ").append(p).append("</text></g>\n");
        }
    }

    private static void node(FlowGraph graph, String node, int[] xy, StringBuilder svg) {
        boolean processor = FlowGraph.isProcessor(node);
        String label = processor ? node : node.substring(node.indexOf(':') + 1);
        ProcessorPhase phase = graph.phase(node).orElse(null);
        String fill = processor ? (phase == null ? "#ffffff" : fill(phase)) : "#f6f6f6";
        svg.append("<g class=\"node").append(processor ? " processor" : " stream").append("\" data-name=\"")
                .append(escape(node)).append('"').append(phase == null ? "" : " data-phase=\"" + phase + "\"")
                .append("><rect x=\"").append(xy[0]).append("\" y=\"").append(xy[1]).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" rx=\"").append(processor ? 8 : 22)
                .append("\" fill=\"").append(fill).append("\" stroke=\"#555\"/>")
                .append("<text x=\"").append(xy[0] + WIDTH / 2).append("\" y=\"").append(xy[1] + (phase == null ? 27 : 20))
                .append("\" text-anchor=\"middle\" font-weight=\"").append(processor ? "bold" : "normal").append("\">")
                .append(escape(label)).append("</text>");
        if (phase != null) {
            svg.append("<text x=\"").append(xy[0] + WIDTH / 2).append("\" y=\"").append(xy[1] + 36)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">")
                    .append(phase.name().toLowerCase(Locale.ROOT)).append("</text>");
        }
        svg.append("</g>\n");
    }

    private static void edge(FlowGraph graph, FlowGraph.Edge edge, int[] from, int[] to, StringBuilder svg) {
        int x1 = from[0] + WIDTH;
        int y1 = from[1] + HEIGHT / 2;
        int x2 = to[0];
        int y2 = to[1] + HEIGHT / 2;
        int bend = Math.max(40, (x2 - x1) / 2);
        double rate = graph.state(edge.stream()).map(IOState::rate).orElse(0.0);
        double strokeWidth = 1.5 + Math.min(4, Math.log10(1 + rate));
        svg.append("<g class=\"edge\" data-stream=\"").append(escape(edge.stream())).append("\" data-backlog=\"")
                .append(graph.backlog(edge)).append("\"><path d=\"M").append(x1).append(',').append(y1)
                .append(" C").append(x1 + bend).append(',').append(y1).append(' ').append(x2 - bend).append(',')
                .append(y2).append(' ').append(x2).append(',').append(y2).append("\" fill=\"none\" stroke=\"")
                .append(edgeColor(graph, edge)).append("\" stroke-width=\"")
                .append(String.format(Locale.ROOT, "%.1f", strokeWidth)).append("\" marker-end=\"url(#arrow)\"/>")
                .append(halo((x1 + x2) / 2, (y1 + y2) / 2 - 7, "bold", escape(edge.stream())))
                .append(halo((x1 + x2) / 2, (y1 + y2) / 2 + 17, "normal", escape(figures(graph, edge))))
                .append("</g>\n");
    }

    /** Centred text with a white halo, legible over the curve. */
    private static String halo(int x, int y, String weight, String text) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"" + weight
                + "\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">" + text + "</text>";
    }

    /** The edge's label without the stream's name, which is drawn apart. */
    private static String figures(FlowGraph graph, FlowGraph.Edge edge) {
        String label = graph.label(edge);
        return label.equals(edge.stream()) ? "" : label.substring(edge.stream().length() + 2);
    }

    /** Grey when the consumer keeps up, orange when it lags, red when it lags far: the bottleneck. */
    static String edgeColor(FlowGraph graph, FlowGraph.Edge edge) {
        long backlog = graph.backlog(edge);
        long count = graph.state(edge.stream()).map(IOState::count).orElse(0L);
        if (backlog == 0) {
            return "#888888";
        }
        return backlog >= 1000 || backlog * 2 >= count && backlog >= 10 ? "#d62728" : "#ff9900";
    }

    static String fill(ProcessorPhase phase) {
        return switch (phase) {
            case WAITING -> "#eeeeee";
            case RUNNING -> "#cfe8ff";
            case DONE -> "#d4f7d4";
            case FAILED -> "#ffd0d0";
            case STOPPED -> "#ffe8c0";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
