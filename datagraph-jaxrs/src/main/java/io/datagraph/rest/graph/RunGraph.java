package io.datagraph.rest.graph;

import io.datagraph.Run;
import io.datagraph.graph.DotGraph;
import io.datagraph.graph.FlowGraph;
import io.datagraph.graph.MermaidGraph;
import io.datagraph.graph.SvgGraph;
import io.datagraph.graph.TextGraph;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /flows/{id}/graph}: a run's graph with its live counts, rates, backlogs and phases, as
 * Mermaid, SVG, Graphviz DOT or a text tree, by {@code Accept}. A sub-resource of the run.
 */
public final class RunGraph {

    private final Run run;

    public RunGraph(Run run) {
        this.run = run;
    }

    public static FlowGraph of(Run run) {
        return FlowGraph.of(run.flow(), run.ioStates(), run.phases());
    }

    @GET
    @Produces(MermaidGraph.MEDIA_TYPE)
    public String mermaid() {
        return MermaidGraph.render(of(run));
    }

    @GET
    @Produces(SvgGraph.MEDIA_TYPE)
    public String svg() {
        return SvgGraph.render(of(run));
    }

    @GET
    @Produces(DotGraph.MEDIA_TYPE)
    public String dot() {
        return DotGraph.render(of(run));
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String text() {
        return TextGraph.render(of(run));
    }
}
