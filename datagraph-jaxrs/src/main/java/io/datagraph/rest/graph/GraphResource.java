package io.datagraph.rest.graph;

import io.datagraph.rest.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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


    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(SVG)
    @Operation(operationId = "flowGraph") // the same operation as flowMermaid(): one operation, several media types
    public String flowSvg(InputStream body) {
        return SvgGraph.render(flow(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(DOT)
    @Operation(operationId = "flowGraph") // the same operation as flowMermaid(): one operation, several media types
    public String flowDot(InputStream body) {
        return DotGraph.render(flow(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "flowGraph") // the same operation as flowMermaid(): one operation, several media types
    public String flowText(InputStream body) {
        return TextGraph.render(flow(body));
    }

    // documented on the last method of the group: Payara 6 keeps the responses of the last one it reads
    /** The graph of a flow before it runs; the body names it as {@code POST /flows} does. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MERMAID)
    @Operation(operationId = "flowGraph", summary = "The graph of a flow before it runs, by Accept")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StartRequest")))
    @APIResponse(responseCode = "200", description = "Mermaid, SVG, Graphviz DOT or a text tree", content = {
            @Content(mediaType = MermaidGraph.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = SvgGraph.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DotGraph.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "the body is malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "access control is on and no valid credentials came", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "406", description = "Accept names none of the four formats", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "the flow does not resolve", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "the store does not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public String flowMermaid(InputStream body) {
        return MermaidGraph.render(flow(body));
    }

    private FlowGraph flow(InputStream body) {
        return FlowGraph.of(datagraph.resolve(StartBody.flowOf(bodies.read(body), datagraph)));
    }
}
