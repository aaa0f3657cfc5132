package io.datagraph.rest.graph;

import io.datagraph.Datagraph;
import io.datagraph.graph.DotGraph;
import io.datagraph.graph.FlowGraph;
import io.datagraph.graph.MermaidGraph;
import io.datagraph.graph.SvgGraph;
import io.datagraph.graph.TextGraph;
import io.datagraph.rest.request.JsonBodies;
import io.datagraph.rest.request.StartBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/**
 * {@code POST /graph}: the graph of a flow not yet started (its body names the flow as
 * {@code POST /flows} does), to check a design before running it; Mermaid, SVG, Graphviz DOT or a
 * text tree by {@code Accept}. A run's graph is {@link RunGraph}.
 */
@Path("graph")
@RequestScoped
public class GraphResource {

    private static final String MERMAID = MermaidGraph.MEDIA_TYPE;
    private static final String SVG = SvgGraph.MEDIA_TYPE;
    private static final String DOT = DotGraph.MEDIA_TYPE;

    @Inject
    Datagraph datagraph;

    @Inject
    JsonBodies bodies;


    /** The graph of a flow before it runs; the body names it as {@code POST /flows} does. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MERMAID)
    public String flowMermaid(InputStream body) {
        return MermaidGraph.render(flow(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(SVG)
    public String flowSvg(InputStream body) {
        return SvgGraph.render(flow(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(DOT)
    public String flowDot(InputStream body) {
        return DotGraph.render(flow(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String flowText(InputStream body) {
        return TextGraph.render(flow(body));
    }

    private FlowGraph flow(InputStream body) {
        return FlowGraph.of(datagraph.resolve(StartBody.flowOf(bodies.read(body), datagraph)));
    }
}
